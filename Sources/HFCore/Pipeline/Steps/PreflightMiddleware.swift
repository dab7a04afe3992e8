import Foundation

/// The client's last step before the transport, run for every request that reaches the wire
/// (each redirect hop included): offline mode, the URL's scheme, plain http only to loopback (or
/// with ``HFConfiguration/allowsInsecureHTTP``), header names and values that cannot inject lines,
/// a token that can be written as a header, a proxy given as `http://host:port`, positive timeouts,
/// connection and stream limits, and the context's deadline, which caps the transport's timeout (an
/// attempt gets what remains). It also sets the configuration's trusted authorities and proxy on
/// the request, whoever built it. A failure here means nothing was sent.
struct PreflightMiddleware: HFMiddleware {
    let configuration: HFConfiguration
    /// A timeout of zero or less in the configuration, found once (the configuration never changes).
    private let invalidTimeout: (field: String, value: Duration)?
    /// Why the configuration's proxy cannot be used, found once.
    private let invalidProxy: String?
    private let connection: HTTPConnectionOptions
    /// A connection or stream limit below 1, likewise.
    private let invalidCountLimit: (field: String, value: Int)?

    init(configuration: HFConfiguration) {
        self.configuration = configuration
        invalidTimeout = [("requestTimeout", configuration.requestTimeout), ("streamIdleTimeout", configuration.streamIdleTimeout)]
            .first { $0.1 <= .zero }.map { (field: $0.0, value: $0.1) }
        invalidCountLimit = configuration.invalidCountLimit
        invalidProxy = configuration.proxy.flatMap(Self.problem(withProxy:))
        connection = configuration.connection
    }

    /// Why `proxy` is not an `http://host:port` URL, or `nil` when it is.
    private static func problem(withProxy proxy: URL) -> String? {
        guard proxy.scheme?.lowercased() == "http", proxy.host?.isEmpty == false else {
            return "must be an http://host:port URL (https requests go through it in a CONNECT tunnel)"
        }
        guard proxy.user == nil, proxy.password == nil else {
            return "must not carry credentials; proxy authentication is not supported"
        }
        guard proxy.path.isEmpty || proxy.path == "/", proxy.query == nil, proxy.fragment == nil else {
            return "must name only a host and port, without a path or query"
        }
        return nil
    }

    func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        try await next(try check(request, context), context)
    }

    func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        try await next(try check(request, context), context)
    }

    private func check(_ request: HTTPRequest, _ context: HFRequestContext) throws(HFError) -> HTTPRequest {
        if configuration.isOffline {
            throw HFError(
                category: .network,
                message: "Offline mode is on (HF_HUB_OFFLINE), so \(request.route) was not sent.",
                recoverySuggestion: "Unset HF_HUB_OFFLINE to allow network calls."
            )
        }
        guard let scheme = request.url.scheme?.lowercased(), scheme == "https" || scheme == "http", request.url.host?.isEmpty == false else {
            throw .validation(field: "url", "\(request.route) is not an http(s) URL with a host")
        }
        if scheme == "http", !configuration.allowsInsecureHTTP, !request.url.isLoopback {
            throw .validation(
                field: "url",
                "plain http to \(request.url.host ?? "?") would send the request, and any token, unencrypted; use https, or set HFConfiguration.allowsInsecureHTTP for a trusted network"
            )
        }
        if let (name, reason) = request.headers.firstInvalidField() {
            throw .validation(field: "headers", "the header \"\(name.prefix(64))\" \(reason); check HFConfiguration.extraHeaders, userAgent and billTo")
        }
        if let (field, value) = invalidTimeout {
            throw .validation(field: field, "is \(value.formattedSeconds); it must be longer than zero")
        }
        if let invalidProxy {
            throw .validation(field: "proxy", invalidProxy)
        }
        if let (field, value) = invalidCountLimit {
            throw .validation(field: field, "is \(value); it must be at least 1")
        }
        if let token = request.authorization, !token.isValidHeaderValue {
            throw .validation(field: "token", "the token has characters that cannot be sent in a header (control characters or non-ASCII); check where it was read from")
        }
        let remaining = context.deadline - .now
        guard remaining > .zero else {
            throw .timeout("The call's deadline passed before \(request.route) could be sent.")
        }
        var request = request
        request.limits.timeout = min(request.limits.timeout, remaining)
        request.connection = connection
        return request
    }
}
