// Providers that serve image, video and audio tasks only. Queued and polled tasks (fal's queue,
// WaveSpeed, Black Forest Labs) are not routed yet.

extension ProviderAdapters {
    /// fal: `fal.run` for the tasks that answer at once.
    static let falAI = ProviderAdapters(.falAI, directBaseURL: "https://fal.run", [
        .fal(.automaticSpeechRecognition),
        .fal(.textToSpeech),
        .fal(.textToImage),
    ])
    /// Replicate: predictions that finish within `Prefer: wait`.
    static let replicate = ProviderAdapters(.replicate, directBaseURL: "https://api.replicate.com", [
        .replicate(.textToImage),
        .replicate(.textToVideo),
        .replicate(.textToSpeech),
        .replicate(.imageToImage),
        .replicate(.automaticSpeechRecognition),
    ])
    static let waveSpeed = ProviderAdapters(.waveSpeed, directBaseURL: "https://api.wavespeed.ai", [])
    /// Removed from the router on 2026-07-01.
    static let blackForestLabs = ProviderAdapters(.blackForestLabs, directBaseURL: nil, [])
}
