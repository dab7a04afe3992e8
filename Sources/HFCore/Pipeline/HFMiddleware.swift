/// A step between the client and the transport that can inspect, change, retry or short-circuit
/// requests. Opt-in features (retry policies, rate limiters, circuit breakers, caches, metrics,
/// failover) attach here; nothing runs unless it is configured.
///
/// Three levels, each with a default that passes the call on unchanged; implement the ones you need:
/// - ``intercept(_:context:next:)`` sees each request whose response is read whole, and every
///   response status, errors included, before the client turns it into an ``HFError`` (so a retry
///   policy can react to a 429 or 503);
/// - ``interceptStream(_:context:next:)`` sees each streamed request once its response head has
///   arrived; ``HTTPBodyStream/observed(_:)`` watches the body as the reader takes it, with no task
///   of its own;
/// - ``interceptOperation(_:next:)`` wraps a whole call (route resolution, request, response
///   reading): setting ``HFRequestContext/provider`` and calling `next` runs the call again for
///   another provider.
///
/// Every level gets the ``HFRequestContext``: operation, task, model, provider, attempt, deadline.
///
/// ```swift
/// struct RetryOn503: HFMiddleware {
///     func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
///         let response = try await next(request, context)
///         guard response.status == 503, context.attempt < 3 else { return response }
///         var again = context
///         again.attempt += 1
///         return try await intercept(request, context: again, next: next)
///     }
/// }
/// let client = HFClient(middleware: [RetryOn503()])
/// ```
///
/// The client's own steps run after (inside) the caller's middleware, in this order: logging, the
/// token and `X-HF-Bill-To`, redirects (one policy for every transport), and the preflight checks
/// of each request that reaches the wire. A streamed body must never be retried once its first
/// byte has been handed on: the reader may already have shown it.
public protocol HFMiddleware: Sendable {
    /// The rest of the pipeline for a whole response: call it to send the (possibly changed) request on.
    typealias Next = @Sendable (HTTPRequest, HFRequestContext) async throws -> HTTPResponse
    /// The rest of the pipeline for a streamed response: call it to send the request on.
    typealias NextStream = @Sendable (HTTPRequest, HFRequestContext) async throws -> HTTPStreamingResponse

    /// Handles a request whose response is read whole.
    func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse

    /// Handles a request whose response is streamed; `next` returns once the head has arrived.
    func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse

    /// Handles a whole call; `next` resolves the route for its context's provider, sends the request
    /// and reads the result (for a stream: opens it).
    func interceptOperation<Result: Sendable>(
        _ context: HFRequestContext,
        next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result
}

extension HFMiddleware {
    public func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        try await next(request, context)
    }

    public func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        try await next(request, context)
    }

    public func interceptOperation<Result: Sendable>(
        _ context: HFRequestContext,
        next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        try await next(context)
    }
}
