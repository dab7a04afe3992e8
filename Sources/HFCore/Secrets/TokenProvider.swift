/// Where the client gets its access token. It is asked for every request, so a long-lived server
/// can rotate tokens without making a new client.
///
/// ```swift
/// var configuration = HFConfiguration()                                   // discovered from the environment
/// configuration.tokenProvider = .fixed("hf_…")
/// configuration.tokenProvider = .refreshing { try await vault.currentToken() }
/// ```
///
/// A refreshing provider is asked before every attempt of every request that carries a token (a
/// middleware's retry is another attempt; a redirect is not); cache inside the closure if fetching
/// is costly. Every token it returns is remembered by the client and scrubbed from errors and
/// logs, as the fixed one is.
public struct TokenProvider: Sendable {
    private enum Kind: Sendable {
        case fixed(Secret?)
        case refreshing(@Sendable () async throws -> String?)
    }

    private let kind: Kind
    /// Where the token came from; `nil` when there is none.
    public let source: TokenSource?
    /// Every place discovery looked, quoted by the error when no token was found.
    public let searchedLocations: [String]

    private init(kind: Kind, source: TokenSource?, searchedLocations: [String] = []) {
        self.kind = kind
        self.source = source
        self.searchedLocations = searchedLocations
    }

    /// Always `token`; an empty string counts as no token.
    public static func fixed(_ token: String) -> TokenProvider {
        let secret = Secret(token)
        return TokenProvider(kind: .fixed(secret.isEmpty ? nil : secret), source: secret.isEmpty ? nil : .explicit)
    }

    /// No token: calls that need one fail with an authentication error before sending.
    public static let none = TokenProvider(kind: .fixed(nil), source: nil)

    /// The token the official clients would find in `environment`, looked for once, now (see
    /// ``HFConfiguration/init(token:environment:)`` for the order).
    public static func environment(_ environment: HFEnvironment = .current) -> TokenProvider {
        let found = TokenDiscovery.discover(in: environment)
        return TokenProvider(kind: .fixed(found.token), source: found.source, searchedLocations: found.searched)
    }

    /// The token `fetch` returns, asked for each request; `nil` or an empty string means none.
    /// An error it throws fails the request as ``HFError/Category/authentication`` (or as
    /// ``HFError/Category/cancelled`` when the call was cancelled while it waited).
    public static func refreshing(_ fetch: @escaping @Sendable () async throws -> String?) -> TokenProvider {
        TokenProvider(kind: .refreshing(fetch), source: .closure)
    }

    /// The token, when it is fixed; `nil` for none and for a refreshing provider.
    public var fixedToken: Secret? {
        if case .fixed(let token) = kind { return token }
        return nil
    }

    /// The token for one request.
    package func token() async throws(HFError) -> Secret? {
        switch kind {
        case .fixed(let token):
            return token
        case .refreshing(let fetch):
            do {
                let secret = try await fetch().map(Secret.init)
                return secret?.isEmpty == false ? secret : nil
            } catch let error as HFError {
                throw error
            } catch {
                if error is CancellationError || Task.isCancelled { throw .cancelled() }
                throw .tokenProviderFailed(error)
            }
        }
    }
}
