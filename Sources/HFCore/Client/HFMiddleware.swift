/// A step between the client and the transport that can inspect, change, retry or short-circuit
/// requests. Opt-in features (retry policies, rate limiters, circuit breakers, caches, metrics)
/// attach here; nothing runs unless it is configured.
///
/// Middleware sees every response status, including errors, before the client turns them into
/// ``HFError``, so a retry policy can react to a 429 or 503. Both methods default to passing the
/// request on unchanged; implement the ones you need.
///
/// ```swift
/// struct RequestTagger: HFMiddleware {
///     func intercept(_ request: HTTPRequest, next: HFMiddleware.Next) async throws -> HTTPResponse {
///         var request = request
///         request.headers["X-Request-Tag"] = "batch-7"
///         return try await next(request)
///     }
/// }
/// let client = HFClient(middleware: [RequestTagger()])
/// ```
///
/// A streamed body must never be retried once its first byte has been handed on: the reader may
/// already have shown it.
public protocol HFMiddleware: Sendable {
    typealias Next = @Sendable (HTTPRequest) async throws -> HTTPResponse
    typealias NextStream = @Sendable (HTTPRequest) async throws -> HTTPStreamingResponse

    /// Handles a request whose response is read whole.
    func intercept(_ request: HTTPRequest, next: Next) async throws -> HTTPResponse

    /// Handles a request whose response is streamed; called once the head has arrived.
    func interceptStream(_ request: HTTPRequest, next: NextStream) async throws -> HTTPStreamingResponse
}

extension HFMiddleware {
    public func intercept(_ request: HTTPRequest, next: Next) async throws -> HTTPResponse {
        try await next(request)
    }

    public func interceptStream(_ request: HTTPRequest, next: NextStream) async throws -> HTTPStreamingResponse {
        try await next(request)
    }
}
