import HFCore
import Tracing

/// Traces every call of the client it is installed in with swift-distributed-tracing: one span
/// per operation (`hf.chat`, `hf.chat.stream`, `hf.embeddings`, …), a child of the caller's
/// current span, open until the call's result has ended (a stream's body included).
///
/// Attributes: `gen_ai.operation.name`, `gen_ai.request.model` and `gen_ai.provider.name` (once a
/// request names the provider), `http.response.status_code` of the last response, and for a
/// stream `hf.time_to_first_token_ms` with a `first token` event, both at its body's first chunk.
/// A failed call gets the error status and `error.type`, the category the caller gets
/// (`rateLimited`, `streamInterrupted`, `cancelled`, …); the error's text is never recorded. A
/// call's Hub look-up is a span of its own, a child of the call's. Requests carry the span's
/// context in the tracer's headers (`traceparent` for W3C), except those the client sends
/// without a token to a host a reply named.
///
/// Place it first in the middleware list to see a call as the caller does (once, however many
/// retries); after a retry policy, each attempt is a span.
///
/// ```swift
/// import HFTracing
/// import Tracing
///
/// InstrumentationSystem.bootstrap(myTracer)   // once, at start-up
/// let client = HFClient(middleware: [TracingMiddleware()])
/// ```
public struct TracingMiddleware: HFMiddleware {
    private let tracer: any Tracer

    /// A middleware tracing with `tracer`, by default the one bootstrapped in
    /// `InstrumentationSystem` when the middleware is made.
    public init(tracer: any Tracer = InstrumentationSystem.tracer) {
        self.tracer = tracer
    }

    /// Opens the call's span, runs the call inside it, and ends it with the call (or, for a stream,
    /// with its body).
    public func interceptOperation<Result: Sendable>(
        _ context: HFRequestContext,
        next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        let span = tracer.startSpan("hf.\(context.operation.rawValue)", context: ServiceContext.current ?? .topLevel, ofKind: .client)
        span.attributes["gen_ai.operation.name"] = context.operation.rawValue
        if let model = context.model { span.attributes["gen_ai.request.model"] = model.rawValue }
        let call = TracedCall(span: span, provider: context.provider)
        do {
            let result = try await ServiceContext.withValue(span.context) {
                try await TracedCall.$current.withValue(call) { try await next(context) }
            }
            call.operationReturned()
            return result
        } catch {
            call.end(error: HFError.Category(of: error))
            throw error
        }
    }

    /// Propagates the span's context and notes the provider and the status.
    public func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        guard let call = TracedCall.current else { return try await next(request, context) }
        let response = try await next(sending(request, context, in: call), context)
        call.responded(response.head.status)
        return response
    }

    /// Propagates the span's context, notes the provider and the status, and watches the body for
    /// its first chunk and its end.
    public func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        guard let call = TracedCall.current else { return try await next(request, context) }
        let response = try await next(sending(request, context, in: call), context)
        call.responded(response.head.status)
        return call.watch(response)
    }

    /// `request` with the span's context in its headers, unless it goes without a token to a host
    /// a reply named (which must not learn the caller's trace).
    private func sending(_ request: HTTPRequest, _ context: HFRequestContext, in call: TracedCall) -> HTTPRequest {
        call.addressed(to: context.provider)
        guard context.token != .never else { return request }
        var request = request
        tracer.inject(call.span.context, into: &request.headers, using: HTTPHeadersInjector())
        return request
    }
}
