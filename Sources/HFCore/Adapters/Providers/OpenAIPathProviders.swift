// Providers reached with OpenAI's own paths: chat, and for some embeddings.

extension ProviderAdapters {
    static let baseten = chatOnly(.baseten, directBaseURL: "https://inference.baseten.co")
    static let featherlessAI = chatOnly(.featherlessAI, directBaseURL: "https://api.featherless.ai")
    /// nscale: chat, and image generation in base64.
    static let nscale = ProviderAdapters(.nscale, directBaseURL: "https://inference.api.nscale.com", [
        .openAIChat(path: "/v1/chat/completions"),
        .nscaleImages,
    ])
    /// OpenAI, for direct calls with an OpenAI key only; the router does not proxy it.
    static let openAI = chatOnly(.openAI, directBaseURL: "https://api.openai.com")
    static let ovhCloud = chatOnly(.ovhCloud, directBaseURL: "https://oai.endpoints.kepler.ai.cloud.ovh.net")
    static let publicAI = chatOnly(.publicAI, directBaseURL: "https://api.publicai.co")
    /// Removed from the router on 2026-07-01; kept so recorded traffic and old configurations work.
    static let hyperbolic = ProviderAdapters(.hyperbolic, directBaseURL: nil, [
        .openAIChat(path: "/v1/chat/completions"),
        .hyperbolicImages,
    ])
    /// Removed from the router on 2026-07-01; served OpenAI-style embeddings and images too.
    static let nebius = ProviderAdapters(.nebius, directBaseURL: nil, [
        .openAIChat(path: "/v1/chat/completions"),
        .openAIEmbeddings(path: "/v1/embeddings"),
        .openAIImages(path: "/v1/images/generations", dropping: ["guidance_scale"], fixed: ["response_format": "b64_json"]),
    ])
    /// Removed from the router on 2026-07-01.
    static let nvidia = chatOnly(.nvidia, directBaseURL: nil)
    /// Removed from the router on 2026-07-01; served OpenAI-style embeddings too.
    static let sambaNova = ProviderAdapters(.sambaNova, directBaseURL: nil, [
        .openAIChat(path: "/v1/chat/completions"),
        .openAIEmbeddings(path: "/v1/embeddings"),
    ])
    /// Removed from the router on 2026-07-01.
    static let clarifai = chatOnly(.clarifai, directBaseURL: nil)

    private static func chatOnly(_ provider: Provider, directBaseURL: String?) -> ProviderAdapters {
        ProviderAdapters(provider, directBaseURL: directBaseURL, [.openAIChat(path: "/v1/chat/completions")])
    }
}
