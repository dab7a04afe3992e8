import Foundation

extension Provider {
    /// The path of the provider's OpenAI-compatible chat endpoint, below its base URL (the router's
    /// `/{provider}` prefix, or the provider's own host for direct calls). `nil` for providers
    /// without one. Unknown providers are assumed to follow OpenAI's `/v1/chat/completions`.
    public var chatCompletionPath: String? {
        switch self {
        case .cohere: return "/compatibility/v1/chat/completions"
        case .deepInfra: return "/v1/openai/chat/completions"
        case .fireworksAI: return "/inference/v1/chat/completions"
        case .groq: return "/openai/v1/chat/completions"
        case .novita: return "/v3/openai/chat/completions"
        case .zaiOrg: return "/api/paas/v4/chat/completions"
        case .falAI, .replicate, .waveSpeed, .blackForestLabs: return nil
        default: return "/v1/chat/completions"
        }
    }

    /// The provider's own API host, for direct calls with the provider's key (not an `hf_` token).
    public var directBaseURL: URL? {
        let host: String
        switch self {
        case .baseten: host = "https://inference.baseten.co"
        case .cerebras: host = "https://api.cerebras.ai"
        case .cohere: host = "https://api.cohere.com"
        case .deepInfra: host = "https://api.deepinfra.com"
        case .falAI: host = "https://fal.run"
        case .featherlessAI: host = "https://api.featherless.ai"
        case .fireworksAI: host = "https://api.fireworks.ai"
        case .groq: host = "https://api.groq.com"
        case .hfInference: host = "https://router.huggingface.co/hf-inference"
        case .novita: host = "https://api.novita.ai"
        case .nscale: host = "https://inference.api.nscale.com"
        case .openAI: host = "https://api.openai.com"
        case .ovhCloud: host = "https://oai.endpoints.kepler.ai.cloud.ovh.net"
        case .publicAI: host = "https://api.publicai.co"
        case .replicate: host = "https://api.replicate.com"
        case .scaleway: host = "https://api.scaleway.ai"
        case .together: host = "https://api.together.xyz"
        case .waveSpeed: host = "https://api.wavespeed.ai"
        case .zaiOrg: host = "https://api.z.ai"
        default: return nil
        }
        return URL(string: host)
    }
}
