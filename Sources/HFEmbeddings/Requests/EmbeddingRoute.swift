import Foundation
import HFCore

/// Where one embeddings request goes and which body it takes.
struct EmbeddingRoute: Sendable, Hashable {
    enum Style: Sendable, Hashable {
        /// `{"inputs": …, "normalize": …}`, answered with nested arrays: the `hf-inference`
        /// pipeline and Text Embeddings Inference.
        case pipeline
        /// `{"model": …, "input": …}`, answered with `data[].embedding`.
        case openAI
    }

    var url: URL
    var style: Style
    /// The body's `model`, for the OpenAI style.
    var model: String?
    var provider: Provider?
    var token: TokenRequirement
}

extension Provider {
    /// The path of the provider's OpenAI-style embeddings endpoint below its base URL.
    var embeddingsPath: String {
        self == .deepInfra ? "/v1/openai/embeddings" : "/v1/embeddings"
    }
}
