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
    let route: EmbeddingRoute

    /// POSTs `{"inputs": …, "normalize": …, …}` to `url` exactly as given: TEI's `/embed`, or the
    /// root URL of an Inference Endpoint. The answer is nested arrays of numbers.
    public static func textEmbeddingsInference(_ url: URL) -> EmbeddingEndpoint {
        EmbeddingEndpoint(route: EmbeddingRoute(url: url, style: .pipeline, model: nil, provider: nil, token: .ifAvailable))
    }

    /// POSTs `{"model": model, "input": …}` to the OpenAI-style embeddings route of `baseURL`: kept
    /// when its path ends in `/embeddings`, else `/embeddings` is added after a trailing `/v1`,
    /// else `/v1/embeddings`. The answer is `{"data": [{"embedding": […]}, …]}`.
    public static func openAICompatible(_ baseURL: URL, model: String? = nil) -> EmbeddingEndpoint {
        var url = baseURL
        if var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) {
            var path = components.path
            while path.hasSuffix("/") { path.removeLast() }
            if !path.hasSuffix("/embeddings") {
                path += path.hasSuffix("/v1") ? "/embeddings" : "/v1/embeddings"
            }
            components.path = path
            url = components.url ?? baseURL
        }
        return EmbeddingEndpoint(route: EmbeddingRoute(url: url, style: .openAI, model: model, provider: nil, token: .ifAvailable))
    }

    /// The URL requests are posted to.
    public var url: URL { route.url }
}
