import Foundation
import HFCore

/// Where a chat request goes.
///
/// ```swift
/// try await client.inference.chat(request)                                  // the router picks
/// try await client.inference.chat(request, via: .provider(.together))       // that provider's route
/// try await client.inference.chat(request, via: .endpoint(URL(string: "http://localhost:8080")!))
/// ```
public enum ChatTarget: Sendable, Hashable {
    /// The router's OpenAI-compatible `POST {router}/v1/chat/completions`, with the model id as
    /// given: a `:provider` suffix pins a provider, `:fastest`/`:cheapest`/`:preferred` (or no
    /// suffix) let the router choose.
    case router
    /// `POST {router}/{provider}{chat route}`, with the provider's own model id from the Hub
    /// mapping (looked up once per client and cached). For ``Provider/hfInference``:
    /// `POST {router}/hf-inference/models/{id}/v1/chat/completions` with the Hub id. A base URL
    /// set for the provider in ``HFConfiguration/providerBaseURLs`` replaces `{router}/{provider}`.
    case provider(Provider)
    /// Any OpenAI-compatible or text-generation-inference server: `/v1/chat/completions` is
    /// appended unless the URL already ends with it (or with `/v1`, which gets
    /// `/chat/completions`). The token is sent when there is one. The model name is sent as given.
    case endpoint(URL)
}
