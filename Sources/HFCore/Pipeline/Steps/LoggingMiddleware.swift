import Foundation

/// The client's logging step, first of its own steps: one event when an attempt starts (trace),
/// one when its response or head arrives (debug, or warning/error for error statuses), one when it
/// fails, and, at debug, one when a streamed body ends, heard through an observer on the body (no
/// task of its own). Events never carry the token, bodies or query strings; server warnings
/// (`X-HF-Warning`) are scrubbed.
struct LoggingMiddleware: HFMiddleware {
    let logger: HFLogger?
    let redactor: Redactor

    func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        guard let logger else { return try await next(request, context) }
        let start = ContinuousClock.now
        let response = try await logged(request, context, logger, start: start) { try await next(request, context) }
        logFinish(request, context, head: response.head, start: start, bytesReceived: response.body.count, logger)
        return response
    }

    func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        guard let logger else { return try await next(request, context) }
        let start = ContinuousClock.now
        let response = try await logged(request, context, logger, start: start) { try await next(request, context) }
        logFinish(request, context, head: response.head, start: start, bytesReceived: nil, logger)
        guard logger.isEnabled(.debug) else { return response }
        let observer = StreamEndLog(logger: logger, event: event(.debug, .streamFinished, request, context), start: start)
        return HTTPStreamingResponse(head: response.head, body: response.body.observed(observer))
    }

    /// Runs `send` between the start event and, if it throws, the failure event.
    private func logged<Response>(
        _ request: HTTPRequest, _ context: HFRequestContext, _ logger: HFLogger, start: ContinuousClock.Instant,
        _ send: () async throws -> Response
    ) async throws -> Response {
        logStart(request, context, logger)
        do {
            return try await send()
        } catch {
            logFailure(request, context, error: error, start: start, logger)
            throw error
        }
    }

    private func event(_ level: HFLogLevel, _ kind: HFLogEvent.Kind, _ request: HTTPRequest, _ context: HFRequestContext) -> HFLogEvent {
        HFLogEvent(
            level: level, kind: kind, operation: context.operation, attempt: context.attempt,
            method: request.method.rawValue, route: request.route, provider: context.provider
        )
    }

    private func logStart(_ request: HTTPRequest, _ context: HFRequestContext, _ logger: HFLogger) {
        guard logger.isEnabled(.trace) else { return }
        var started = event(.trace, .requestStarted, request, context)
        started.bytesSent = request.body?.count ?? 0
        logger.log(started)
    }

    private func logFinish(
        _ request: HTTPRequest, _ context: HFRequestContext, head: HTTPResponseHead, start: ContinuousClock.Instant,
        bytesReceived: Int?, _ logger: HFLogger
    ) {
        let level: HFLogLevel = head.isSuccess ? .debug : (head.status >= 500 ? .error : .warning)
        let warnings = head.headers.values(for: "X-HF-Warning")
        // The route is built only for an event that will be delivered.
        guard logger.isEnabled(level) || (!warnings.isEmpty && logger.isEnabled(.warning)) else { return }
        var finished = event(level, .requestFinished, request, context)
        finished.status = head.status
        finished.duration = .now - start
        finished.requestID = head.headers["X-Request-Id"].map(redactor.scrub)
        finished.bytesSent = request.body?.count ?? 0
        finished.bytesReceived = bytesReceived
        logger.log(finished)
        for warning in warnings {
            var logged = finished
            logged.level = .warning
            logged.kind = .serverWarning
            logged.duration = nil
            logged.bytesSent = nil
            logged.bytesReceived = nil
            logged.message = redactor.scrub(warning)
            logger.log(logged)
        }
    }

    private func logFailure(_ request: HTTPRequest, _ context: HFRequestContext, error: any Error, start: ContinuousClock.Instant, _ logger: HFLogger) {
        let failure = error as? HFError
        let level: HFLogLevel = failure?.category == .cancelled ? .debug : .error
        guard logger.isEnabled(level) else { return }
        var failed = event(level, .requestFailed, request, context)
        failed.duration = .now - start
        failed.bytesSent = request.body?.count ?? 0
        failed.message = failure.map { "\($0.category): \($0.message)" } ?? redactor.scrub("\(error)")
        logger.log(failed)
    }
}

/// Logs the end of a streamed body: how long the exchange took and how many bytes the reader got.
private final class StreamEndLog: HTTPBodyObserver, @unchecked Sendable {
    private let logger: HFLogger
    private let event: HFLogEvent
    private let start: ContinuousClock.Instant
    /// Touched only by the body's one reader, on its task.
    private var received = 0

    init(logger: HFLogger, event: HFLogEvent, start: ContinuousClock.Instant) {
        self.logger = logger
        self.event = event
        self.start = start
    }

    func didReceive(_ chunk: Data) {
        received += chunk.count
    }

    func didFinish(error: (any Error)?) {
        var ended = event
        ended.duration = .now - start
        ended.bytesReceived = received
        if let error {
            ended.level = .warning
            ended.message = (error as? HFError).map { "\($0.category): \($0.message)" } ?? "\(error)"
        }
        logger.log(ended)
    }
}
