/// Whether a request carries the token.
///
/// ```swift
/// let hub = client.makeRequest(.get, url: URL(string: "https://huggingface.co/api/models/gpt2")!)
/// let response = try await client.send(hub, token: .ifHuggingFaceToken)   // never a provider's key
/// ```
public enum TokenRequirement: Sendable, Hashable {
    /// The call fails with an authentication error before sending if no token is configured.
    case required
    /// The token is sent when there is one.
    case ifAvailable
    /// The token is sent only when it is a Hugging Face token (`hf_…`): for the Hub, which answers
    /// public look-ups anonymously and must never receive a provider's own API key.
    case ifHuggingFaceToken
    /// Never sent, e.g. to a third-party URL a provider handed back. A middleware that adds
    /// credentials of its own must not add them to such a request either: it goes to whatever
    /// host a reply or the caller named.
    case never
}
