import Foundation

/// The entry point: one configuration, one transport, and the middleware between them.
///
/// Each product adds its API group by extension: `client.inference` (HFInference),
/// `client.embeddings` (HFEmbeddings), `client.models` (HFModels), and so on. Create one client and
/// share it: it is `Sendable`, its transport reuses connections, and it caches provider mappings.
///
/// ```swift
/// let client = HFClient()                                   // token from the environment
/// let client = HFClient(token: "hf_…")
/// let client = HFClient(configuration: configuration, middleware: [myRetryPolicy])
/// ```
public final class HFClient: Sendable {
    /// Tokens, base URLs and limits, fixed for the client's life (the token itself may rotate: see
    /// ``HFConfiguration/tokenProvider``).
    public let configuration: HFConfiguration
    /// How bytes move; shared by every request of this client.
    public let transport: any HTTPTransport
    /// The caller's middleware, applied in order, the first outermost.
    public let middleware: [any HFMiddleware]
    /// The caller's middleware followed by the client's own steps (logging, token, redirects,
    /// preflight), as every request passes them.
    let requestChain: [any HFMiddleware]
    let mappingCache: ProviderMappingCache
    let redactor: Redactor
    let adapters: AdapterRegistry

    /// - Parameters:
    ///   - configuration: tokens, base URLs, limits; by default discovered from the environment.
    ///   - transport: how bytes move; by default ``CurlTransport/shared`` on Linux (one event
    ///     thread for the whole process, per set of connection limits) and a
    ///     ``URLSessionTransport`` elsewhere, both with the configuration's connection limits.
    ///   - middleware: applied in order, the first one outermost.
    public init(
        configuration: HFConfiguration = HFConfiguration(),
        transport: (any HTTPTransport)? = nil,
        middleware: [any HFMiddleware] = []
    ) {
        let redactor = Redactor(configuration.token)
        self.configuration = configuration
        self.transport = transport ?? Self.makeDefaultTransport(connectionLimits: configuration.connectionLimits)
        self.middleware = middleware
        self.redactor = redactor
        requestChain = middleware + [
            LoggingMiddleware(logger: configuration.logger, redactor: redactor),
            CredentialMiddleware(configuration: configuration, redactor: redactor),
            RedirectMiddleware(),
            PreflightMiddleware(configuration: configuration),
        ]
        mappingCache = ProviderMappingCache(timeToLive: configuration.providerMappingTimeToLive)
        adapters = .standard
    }

    /// A client with an explicit token and everything else from the environment.
    public convenience init(token: String, transport: (any HTTPTransport)? = nil, middleware: [any HFMiddleware] = []) {
        self.init(configuration: HFConfiguration(token: token), transport: transport, middleware: middleware)
    }

    /// The platform's default transport: libcurl's process-wide engine for `connectionLimits` on
    /// Linux, URLSession elsewhere.
    ///
    /// ```swift
    /// let transport = HFClient.makeDefaultTransport(connectionLimits: HTTPConnectionLimits(perHost: 8))
    /// ```
    public static func makeDefaultTransport(connectionLimits: HTTPConnectionLimits = HTTPConnectionLimits()) -> any HTTPTransport {
        makePlatformTransport(connectionLimits: connectionLimits)
    }
}
