import Foundation

/// One place a call can be sent: a provider, to which the call is resolved anew (route, the
/// provider's model id, body), or the base URL of a mirrored server of your own, to which the
/// request's URL is moved.
///
/// ```swift
/// let providers: [FailoverEndpoint] = [.provider(.together), .provider(.hfInference)]
/// let mirrors: [FailoverEndpoint] = [.baseURL(URL(string: "https://tgi-a.example.com")!), .baseURL(URL(string: "https://tgi-b.example.com")!)]
/// ```
public enum FailoverEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// An inference provider; ``FailoverMiddleware`` sets it as the call's provider.
    case provider(Provider)
    /// A server's base URL (scheme, host, port, path prefix); ``FailoverMiddleware`` rewrites the
    /// requests addressed to any of the pool's base URLs to this one.
    case baseURL(URL)

    public var description: String {
        switch self {
        case .provider(let provider): return provider.rawValue
        case .baseURL(let url): return url.absoluteString
        }
    }

    /// The provider, for a provider endpoint; `nil` for a base URL.
    public var provider: Provider? {
        if case .provider(let provider) = self { return provider }
        return nil
    }

    /// The base URL, for a base-URL endpoint; `nil` for a provider.
    public var baseURL: URL? {
        if case .baseURL(let url) = self { return url }
        return nil
    }
}
