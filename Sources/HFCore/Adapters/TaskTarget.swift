import Foundation

/// Where a task call goes, as an API group asks for it.
package enum TaskTarget: Sendable, Hashable {
    /// The router's own OpenAI-compatible route (chat only): it picks the provider from the model
    /// id's suffix (`:together`, `:fastest`), or by policy without one.
    case router
    /// `provider`'s route on the router (or its base URL override), with the provider's model id
    /// from the Hub mapping (the Hub id itself for hf-inference). `nil`: the first usable provider
    /// of the mapping, in the account's order.
    case provider(Provider?)
    /// A server of the caller's: a TGI, TEI, vLLM or llama.cpp server, an Inference Endpoint, or an
    /// OpenAI-compatible gateway, spoken to in `style`.
    case endpoint(URL, EndpointStyle)
}

/// The dialect of a server of the caller's.
package enum EndpointStyle: Sendable, Hashable {
    /// Hugging Face's own bodies: text-generation-inference and text-embeddings-inference.
    case huggingFace
    /// OpenAI's bodies and routes (`/v1/chat/completions`, `/v1/embeddings`).
    case openAI
}
