import Foundation

/// An inference provider, by the id the router and the Hub use (`"together"`, `"fal-ai"`, …).
///
/// An open set: the router adds providers over time, so any name is accepted and passed through;
/// the constants are the providers known when this package was released. Removed providers stay
/// as constants because old configurations and recorded traffic still name them.
///
/// ```swift
/// let model = ModelID.llama3_1_8BInstruct.routed(to: .together)   // "…:together"
/// ```
public struct Provider: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Baseten (`baseten`).
    public static let baseten: Provider = "baseten"
    /// Cerebras (`cerebras`).
    public static let cerebras: Provider = "cerebras"
    /// Cohere (`cohere`).
    public static let cohere: Provider = "cohere"
    /// DeepInfra (`deepinfra`).
    public static let deepInfra: Provider = "deepinfra"
    /// fal (`fal-ai`): images, audio and video.
    public static let falAI: Provider = "fal-ai"
    /// Featherless AI (`featherless-ai`).
    public static let featherlessAI: Provider = "featherless-ai"
    /// Fireworks AI (`fireworks-ai`).
    public static let fireworksAI: Provider = "fireworks-ai"
    /// Groq (`groq`).
    public static let groq: Provider = "groq"
    /// Hugging Face's own serverless inference, served by the router at `/hf-inference`.
    public static let hfInference: Provider = "hf-inference"
    /// Novita (`novita`).
    public static let novita: Provider = "novita"
    /// nscale (`nscale`).
    public static let nscale: Provider = "nscale"
    /// OpenAI, for direct calls with an OpenAI key only; the router does not proxy it.
    public static let openAI: Provider = "openai"
    /// OVHcloud AI Endpoints (`ovhcloud`).
    public static let ovhCloud: Provider = "ovhcloud"
    /// Public AI (`publicai`).
    public static let publicAI: Provider = "publicai"
    /// Replicate (`replicate`).
    public static let replicate: Provider = "replicate"
    /// Scaleway (`scaleway`).
    public static let scaleway: Provider = "scaleway"
    /// Together AI (`together`).
    public static let together: Provider = "together"
    /// WaveSpeed (`wavespeed`).
    public static let waveSpeed: Provider = "wavespeed"
    /// Z.ai (`zai-org`).
    public static let zaiOrg: Provider = "zai-org"

    /// Removed from the router on 2026-07-01; kept so older configurations and recordings still read.
    public static let blackForestLabs: Provider = "black-forest-labs"
    /// Removed from the router on 2026-07-01.
    public static let clarifai: Provider = "clarifai"
    /// Removed from the router on 2026-07-01.
    public static let hyperbolic: Provider = "hyperbolic"
    /// Removed from the router on 2026-07-01.
    public static let nebius: Provider = "nebius"
    /// Removed from the router on 2026-07-01.
    public static let nvidia: Provider = "nvidia"
    /// Removed from the router on 2026-07-01.
    public static let sambaNova: Provider = "sambanova"
}
