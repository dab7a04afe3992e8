/// Feeds a ``MetricsRecorder`` with every call of the client it is installed in: one measurement
/// per call, keyed by operation, model and the provider that answered.
///
/// A call is measured from the start of its operation to the end of its result: the response
/// read whole, or a stream's body ended (normally, broken, or dropped by its reader). Bytes are
/// request and response bodies over every request of the call (error bodies included); a
/// stream's time to first token is from the start of the call to the first chunk its reader
/// takes. A stream that breaks after its head counts as
/// ``HFError/Category/streamInterrupted``; one its reader leaves before the end as cancelled
/// (an error event inside a stream also ends it that way). A call's Hub look-up is a call of
/// its own (``HFOperation/providerMapping``), whose time is part of the outer call's too. Where it sits in the middleware
/// list decides what a call is: placed before a retry policy, a call with three attempts counts
/// once (with the bytes of all three); placed after it, each attempt counts.
///
/// ```swift
/// let recorder = MetricsRecorder()
/// let client = HFClient(middleware: [MetricsMiddleware(recorder: recorder)])
/// ```
public struct MetricsMiddleware: HFMiddleware {
    /// Where the measurements go.
    public let recorder: MetricsRecorder

    /// A middleware recording into `recorder` (one recorder may serve several clients).
    public init(recorder: MetricsRecorder) {
        self.recorder = recorder
    }

    /// Measures the call, from here to the end of its result.
    public func interceptOperation<Result: Sendable>(
        _ context: HFRequestContext,
        next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        try await MetricsCall.measure(context, by: recorder) { try await next(context) }
    }

    /// Counts a request's body and its response's.
    public func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        guard let call = MetricsCall.current(of: recorder) else { return try await next(request, context) }
        call.sending(request, context: context)
        let response = try await next(request, context)
        call.received(bytes: response.body.count)
        return response
    }

    /// Counts a request's body, and its response's as the reader takes it; times the first chunk.
    public func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        guard let call = MetricsCall.current(of: recorder) else { return try await next(request, context) }
        call.sending(request, context: context)
        return call.meter(try await next(request, context))
    }
}
