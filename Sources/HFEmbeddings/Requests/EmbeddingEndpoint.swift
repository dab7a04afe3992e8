import Foundation
import HFCore

/// A server of your own that computes embeddings: Text Embeddings Inference, a dedicated Inference
/// Endpoint, or anything with an OpenAI-compatible `/v1/embeddings`.
///
/// The client's token is sent when it has one (Inference Endpoints need it; a local server
/// ignores it). Plain `http://` is allowed to loopback only, unless
/// ``HFConfiguration/allowsInsecureHTTP`` is set.
///
/// ```swift
/// let tei = EmbeddingEndpoint.textEmbeddingsInference(URL(string: "http://localhost:8080/embed")!)
/// let vectors = try await client.embeddings.embed(["a", "b"], at: tei)
/// ```
public struct EmbeddingEndpoint: Sendable, Hashable {
    let baseURL: URL
    let style: EndpointStyle
    /// The model name the body carries (OpenAI style only); empty for none.
    let model: String

    /// POSTs `{"inputs": …, "normalize": …, …}` to `url` exactly as given: TEI's `/embed`, or the
    /// root URL of an Inference Endpoint. The answer is nested arrays of numbers.
    public static func textEmbeddingsInference(_ url: URL) -> EmbeddingEndpoint {
        EmbeddingEndpoint(baseURL: url, style: .huggingFace, model: "")
    }

    /// POSTs `{"model": model, "input": …}` to the OpenAI-style embeddings route of `baseURL`: kept
    /// when its path ends in `/embeddings`, else `/embeddings` is added after a trailing `/v1`,
    /// else `/v1/embeddings`. The answer is `{"data": [{"embedding": […]}, …]}`.
    public static func openAICompatible(_ baseURL: URL, model: String? = nil) -> EmbeddingEndpoint {
        EmbeddingEndpoint(baseURL: baseURL, style: .openAI, model: model ?? "")
    }

    /// The URL requests are posted to.
    public var url: URL {
        let adapter = AdapterRegistry.standard.endpointAdapter(for: .featureExtraction, style: style)
        return adapter?.url(base: baseURL, model: TaskModel(asGiven: model, hubID: model, providerID: model)) ?? baseURL
    }

    var target: TaskTarget { .endpoint(baseURL, style) }
}
