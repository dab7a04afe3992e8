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

    public static let baseten: Provider = "baseten"
    public static let cerebras: Provider = "cerebras"
    public static let cohere: Provider = "cohere"
    public static let deepInfra: Provider = "deepinfra"
    public static let falAI: Provider = "fal-ai"
    public static let featherlessAI: Provider = "featherless-ai"
    public static let fireworksAI: Provider = "fireworks-ai"
    public static let groq: Provider = "groq"
    /// Hugging Face's own serverless inference, served by the router at `/hf-inference`.
    public static let hfInference: Provider = "hf-inference"
    public static let novita: Provider = "novita"
    public static let nscale: Provider = "nscale"
    /// OpenAI, for direct calls with an OpenAI key only; the router does not proxy it.
    public static let openAI: Provider = "openai"
    public static let ovhCloud: Provider = "ovhcloud"
    public static let publicAI: Provider = "publicai"
    public static let replicate: Provider = "replicate"
    public static let scaleway: Provider = "scaleway"
    public static let together: Provider = "together"
    public static let waveSpeed: Provider = "wavespeed"
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
