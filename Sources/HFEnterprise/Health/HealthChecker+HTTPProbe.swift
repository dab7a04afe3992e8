import Foundation

extension HFOperation {
    /// A ``HealthChecker``'s probe sent with ``HealthChecker/httpGET(_:through:token:)``; a
    /// ``FailoverMiddleware`` never moves one, so each probe reaches the endpoint it checks.
    public static let healthProbe: HFOperation = "healthProbe"
}

extension HealthChecker {
    /// A probe that GETs `path` at each endpoint through `client` and counts an answer as healthy
    /// when its status is 2xx and its body arrives whole.
    ///
    /// The path is appended to a base URL endpoint, and to the router's route for a provider
    /// endpoint (`https://router.huggingface.co/together` + `path`). The request runs through the
    /// client's middleware as the operation ``HFOperation/healthProbe``.
    ///
    /// ```swift
    /// let probe = HealthChecker.httpGET("/health", through: client)   // TGI and TEI answer /health
    /// ```
    public static func httpGET(_ path: String, through client: HFClient, token: TokenRequirement = .ifAvailable) -> Probe {
        { endpoint in
            let base: URL
            switch endpoint {
            case .baseURL(let url): base = url
            case .provider(let provider): base = client.configuration.baseURL(for: provider)
            }
            let request = client.makeRequest(.get, url: HFConfiguration.join(base, path))
            _ = try await client.perform(client.context(.healthProbe, token: token)) { context in
                try await client.exchange(request, context: context)
            }
        }
    }
}
