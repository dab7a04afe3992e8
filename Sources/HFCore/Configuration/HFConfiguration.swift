import Foundation

/// Everything a client needs to know before it sends a request. A value: copy it, change it, hand
/// it to an ``HFClient``.
///
/// ```swift
/// var configuration = HFConfiguration()              // token from HF_TOKEN, ~/.cache/huggingface/token, …
/// configuration.requestTimeout = .seconds(30)
/// configuration.providerBaseURLs[.hfInference] = URL(string: "http://localhost:8080")!   // a local TGI
/// let client = HFClient(configuration: configuration)
/// ```
///
/// Printing or dumping a configuration never shows the token (see ``Secret``).
public struct HFConfiguration: Sendable {
    /// The default router: `https://router.huggingface.co`.
    public static let defaultRouterBaseURL = URL(string: "https://router.huggingface.co")!
    /// The default Hub: `https://huggingface.co`.
    public static let defaultHubBaseURL = URL(string: "https://huggingface.co")!

    /// Where the access token (sent as `Authorization: Bearer …`) comes from: a fixed token, the
    /// one discovered in the environment, or a closure asked for every request. A missing token is
    /// not an error until a call needs one.
    public var tokenProvider: TokenProvider
    /// The token, when it is fixed (discovered or given); setting it makes the provider fixed.
    /// `nil` for no token and for a refreshing provider.
    public var token: Secret? {
        get { tokenProvider.fixedToken }
        set { tokenProvider = newValue.map { secret in secret.withExposedValue { TokenProvider.fixed($0) } } ?? .none }
    }
    /// Where the token came from.
    public var tokenSource: TokenSource? { tokenProvider.source }
    /// Where discovery looked; quoted by the authentication error when no token was found.
    public var searchedTokenLocations: [String] { tokenProvider.searchedLocations }

    /// The inference router. Chat goes to `{router}/v1/chat/completions`; provider routes to
    /// `{router}/{provider}/…`.
    public var routerBaseURL: URL
    /// The Hub API, for model info and provider mappings. Defaults to `HF_ENDPOINT` when set, which,
    /// as in the Python client, moves the Hub only, never inference traffic.
    public var hubBaseURL: URL
    /// Base URLs that replace `{router}/{provider}` for one provider: a proxy, the provider's own
    /// host for direct calls with its key, or a self-hosted TGI, vLLM or llama.cpp server.
    public var providerBaseURLs: [Provider: URL]

    /// The longest wait for a whole response, or for a streamed response's head. Default 300 s:
    /// large models can think for minutes before answering.
    public var requestTimeout: Duration
    /// The longest silence allowed inside a streamed body. Default 60 s.
    public var streamIdleTimeout: Duration
    /// The largest response body accepted. Default 64 MiB. A streamed answer (Server-Sent Events)
    /// is not capped as a whole, since a long chat can legitimately run longer: each of its events
    /// is, by ``maximumEventSize``.
    public var maximumResponseSize: Int
    /// The largest single event of a streamed answer, in bytes. Default 16 MiB (a text-generation
    /// server's last event repeats the whole text). A larger one stops the stream with
    /// ``HFError/Category/streamInterrupted`` caused by ``HFError/Category/responseTooLarge``.
    ///
    /// ```swift
    /// configuration.maximumEventSize = 1 << 20
    /// ```
    public var maximumEventSize: Int
    /// How much of a broken stream's text ``HFError/partialOutput`` keeps, in UTF-8 bytes: the
    /// last ones, whole characters only, with ``HFError/isPartialOutputTruncated`` set when
    /// earlier text was dropped. Default 1 MiB. Every piece was delivered to the reader anyway;
    /// this bounds what a stream holds on to.
    public var maximumPartialOutputSize: Int
    /// The largest file (image, audio, document) a task call uploads, checked before anything is
    /// sent. Default 50 MiB; the router refuses much larger bodies anyway.
    public var maximumUploadSize: Int

    /// The most connections the client's default transport opens to one host at once; more
    /// requests wait for a free one. Default 64. Over HTTP/2 (the router) one connection carries
    /// many requests, so this mostly bounds HTTP/1.1 servers such as a local TGI or llama.cpp.
    /// A transport passed to the client keeps its own limits.
    ///
    /// ```swift
    /// configuration.maximumConnectionsPerHost = 4     // a local server with four slots
    /// ```
    public var maximumConnectionsPerHost: Int
    /// The most connections the client's default transport opens to all hosts at once (libcurl
    /// only; URLSession has no such limit). Default 256, well under the usual limit of 1024 open
    /// files per process, so a burst of requests queues instead of failing for want of sockets.
    public var maximumConnections: Int

    /// Headers added to every request (they cannot replace `Authorization`).
    public var extraHeaders: HTTPHeaders
    /// `User-Agent`; defaults to this package's name and version, the Swift version and the OS.
    public var userAgent: String
    /// An organisation (or resource group) to bill routed calls to, sent as `X-HF-Bill-To`.
    public var billTo: String?

    /// Allows plain `http://` to hosts other than loopback. Off: the token would travel in clear.
    public var allowsInsecureHTTP: Bool
    /// Certificate authorities trusted in addition to the system's, for private endpoints (see
    /// ``TrustedCertificate``). Certificate validation is always on. Supported by the libcurl
    /// transport and, on Apple platforms, by URLSession; URLSession on Linux refuses such requests.
    public var trustedCertificates: [TrustedCertificate]
    /// An `http://host:port` proxy for every request (https goes through it in a `CONNECT`
    /// tunnel). When set, the environment's `https_proxy` and `no_proxy` are not read; `nil` (the
    /// default) leaves the choice to the platform: libcurl follows those variables, URLSession the
    /// system settings.
    ///
    /// ```swift
    /// configuration.proxy = URL(string: "http://proxy.internal.example:3128")
    /// ```
    public var proxy: URL?
    /// `true` when `HF_HUB_OFFLINE` is set: every call fails before touching the network.
    public var isOffline: Bool
    /// How long provider mappings fetched from the Hub are reused. Default 5 minutes.
    public var providerMappingTimeToLive: Duration
    /// Where log events go; `nil` (the default) logs nothing.
    public var logger: HFLogger?

    /// A configuration for `environment`, with the Hub from `HF_ENDPOINT` when set and the token
    /// from `token`, else found where the official clients look, first non-empty value wins:
    /// `HF_TOKEN`; `HUGGINGFACE_API_KEY`; `HUGGING_FACE_HUB_TOKEN`; the file at `HF_TOKEN_PATH`;
    /// `$HF_HOME/token` (or `$XDG_CACHE_HOME/huggingface/token`); `~/.cache/huggingface/token`,
    /// where `huggingface-cli login` writes; then `secret/-secrets.sh` in the working directory or
    /// its nearest ancestor that has one. Values lose line breaks and surrounding white space.
    public init(token: String? = nil, environment: HFEnvironment = .current) {
        self.init(tokenProvider: token.map(TokenProvider.fixed) ?? .environment(environment), environment: environment)
    }

    /// A configuration for `environment` whose token comes from `tokenProvider`.
    ///
    /// ```swift
    /// let configuration = HFConfiguration(tokenProvider: .refreshing { try await vault.huggingFaceToken() })
    /// ```
    public init(tokenProvider: TokenProvider, environment: HFEnvironment = .current) {
        self.tokenProvider = tokenProvider
        routerBaseURL = Self.defaultRouterBaseURL
        if let endpoint = environment["HF_ENDPOINT"], let url = URL(string: endpoint.trimmingTrailingSlashes()) {
            hubBaseURL = url
        } else {
            hubBaseURL = Self.defaultHubBaseURL
        }
        providerBaseURLs = [:]
        requestTimeout = .seconds(300)
        streamIdleTimeout = .seconds(60)
        maximumResponseSize = 64 << 20
        maximumEventSize = 16 << 20
        maximumPartialOutputSize = 1 << 20
        maximumUploadSize = 50 << 20
        let connectionLimits = HTTPConnectionLimits()
        maximumConnectionsPerHost = connectionLimits.perHost
        maximumConnections = connectionLimits.total
        extraHeaders = [:]
        userAgent = HFPackage.defaultUserAgent
        billTo = nil
        allowsInsecureHTTP = false
        trustedCertificates = []
        proxy = nil
        isOffline = environment["HF_HUB_OFFLINE"].map { ["1", "on", "yes", "true"].contains($0.lowercased()) } ?? false
        providerMappingTimeToLive = .seconds(300)
        logger = nil
    }

    /// The limits a request starts with.
    package var limits: HTTPLimits {
        HTTPLimits(timeout: requestTimeout, idleTimeout: streamIdleTimeout, maximumResponseSize: maximumResponseSize)
    }

    /// The trusted authorities and proxy every request of a client is sent with.
    package var connection: HTTPConnectionOptions {
        HTTPConnectionOptions(additionalTrustedCertificates: trustedCertificates.map(\.derRepresentation), proxy: proxy)
    }

    /// The connection limits of the client's default transport.
    package var connectionLimits: HTTPConnectionLimits {
        HTTPConnectionLimits(perHost: maximumConnectionsPerHost, total: maximumConnections)
    }

    /// The first connection or stream limit below 1, if any: a client refuses to send anything
    /// with it.
    package var invalidCountLimit: (field: String, value: Int)? {
        [
            ("maximumConnectionsPerHost", maximumConnectionsPerHost), ("maximumConnections", maximumConnections),
            ("maximumEventSize", maximumEventSize), ("maximumPartialOutputSize", maximumPartialOutputSize),
        ].first { $0.1 < 1 }.map { (field: $0.0, value: $0.1) }
    }
}

extension HFConfiguration: CustomStringConvertible {
    public var description: String {
        "HFConfiguration(token: \(token?.redacted ?? (tokenSource == nil ? "none" : "asked per request"))\(tokenSource.map { " from \($0)" } ?? ""), router: \(routerBaseURL.absoluteString), hub: \(hubBaseURL.absoluteString), providers: \(providerBaseURLs.mapValues(\.absoluteString)), requestTimeout: \(requestTimeout.formattedSeconds), streamIdleTimeout: \(streamIdleTimeout.formattedSeconds))"
    }
}

extension String {
    func trimmingTrailingSlashes() -> String {
        var text = self
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
