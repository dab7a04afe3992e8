// Providers that serve image, video and audio tasks only; their adapters come with those tasks.

extension ProviderAdapters {
    /// fal: `fal.run` for calls that answer at once.
    static let falAI = ProviderAdapters(.falAI, directBaseURL: "https://fal.run", [])
    static let replicate = ProviderAdapters(.replicate, directBaseURL: "https://api.replicate.com", [])
    static let waveSpeed = ProviderAdapters(.waveSpeed, directBaseURL: "https://api.wavespeed.ai", [])
    /// Removed from the router on 2026-07-01.
    static let blackForestLabs = ProviderAdapters(.blackForestLabs, directBaseURL: nil, [])
}
