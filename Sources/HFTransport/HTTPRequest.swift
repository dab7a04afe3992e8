import Foundation

/// One HTTP request as the client hands it to middleware and the transport.
///
/// The credential travels in ``authorization``, not in ``headers``: a middleware that logs or dumps
/// requests sees headers without it, and only a transport writing the wire adds
/// `Authorization: Bearer …` (see ``headersForWire()``).
///
/// ```swift
/// var request = client.makeRequest(.post, url: url, body: Data(#"{"inputs": "Hi"}"#.utf8), contentType: "application/json")
/// request.headers["X-Trace"] = "42"
/// let response = try await client.send(request)
/// ```
public struct HTTPRequest: Sendable {
    /// The HTTP method.
    public var method: HTTPMethod
    /// The full URL, query included.
    public var url: URL
    /// The headers to send; the client's own step adds the token just before sending.
    public var headers: HTTPHeaders
    /// The body to send, if any.
    public var body: Data?
    /// The credential to send as `Authorization: Bearer …`, if any.
    public var authorization: Secret?
    /// Deadlines and size limits the transport enforces for this request.
    public var limits: HTTPLimits
    /// Extra trusted certificate authorities and the proxy, for the connection that carries it.
    public var connection: HTTPConnectionOptions

    /// Creates a request; ``HFClient/makeRequest(_:url:body:contentType:accept:)`` fills in the client's limits.
    public init(
        method: HTTPMethod,
        url: URL,
        headers: HTTPHeaders = [:],
        body: Data? = nil,
        authorization: Secret? = nil,
        limits: HTTPLimits = HTTPLimits(),
        connection: HTTPConnectionOptions = HTTPConnectionOptions()
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.authorization = authorization
        self.limits = limits
        self.connection = connection
    }

    /// The headers to write on the wire: ``headers`` plus `Authorization` when a credential is set.
    /// Only transports call this, and they must not log its result.
    public func headersForWire() -> HTTPHeaders {
        var wire = headers
        if let authorization, !authorization.isEmpty {
            authorization.withExposedValue { wire["Authorization"] = "Bearer \($0)" }
        }
        return wire
    }

    /// `METHOD scheme://host/path` without the query, which may carry user data; for logs and errors.
    public var route: String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        components?.fragment = nil
        components?.user = nil
        components?.password = nil
        return "\(method) \(components?.string ?? url.path)"
    }
}
