import HFCore

/// Hands out the ``HFClient`` of a ``ConfigurationStore``'s current version: one client per
/// version, sharing one transport (so connections are reused across changes) and the same
/// middleware. A call takes ``client`` once and keeps it to the end, so a change never alters a
/// request under way.
///
/// ```swift
/// let dynamic = DynamicClient(store: store)
/// let answer = try await dynamic.client.inference.chat("Hi", model: .llama3_8BInstruct)
/// ```
public actor DynamicClient {
    /// The versions the clients are made from.
    public let store: ConfigurationStore
    private let transport: any HTTPTransport
    private let middleware: [any HFMiddleware]
    private var cached: (version: Int, client: HFClient)?

    /// Clients for `store`'s versions, on `transport` (the platform's default, with the default connection limits, when `nil`), each
    /// with `middleware`. Middleware is shared by every version: a cache keeps its entries across
    /// a change of token, so give each account its own `CacheMiddleware` partition.
    public init(store: ConfigurationStore, transport: (any HTTPTransport)? = nil, middleware: [any HFMiddleware] = []) {
        self.store = store
        self.transport = transport ?? HFClient.makeDefaultTransport()
        self.middleware = middleware
    }

    /// The client of the current version, made once per version.
    public var client: HFClient {
        get async {
            let version = await store.current
            if let cached, cached.version >= version.number { return cached.client }
            let client = HFClient(configuration: version.configuration, transport: transport, middleware: middleware)
            // Another caller may have cached a newer version while this one read the store.
            if let cached, cached.version > version.number { return cached.client }
            cached = (version.number, client)
            return client
        }
    }
}
