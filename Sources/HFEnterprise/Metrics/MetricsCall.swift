/// One call being measured by a ``MetricsMiddleware``: what its requests add (bytes, the provider
/// that answered, a stream's first chunk) until it ends, when it becomes one
/// ``MetricsMeasurement``.
///
/// The request level finds the call through a task-local value bound around the operation, so a
/// call's requests add to it wherever they run (a nested Hub look-up is a call of its own). A
/// call ends when its operation has returned and every body it opened has ended, whichever comes
/// last; an operation that throws ends it at once.
final class MetricsCall: Sendable {
    private struct State {
        var provider: Provider?
        var bytesSent = 0
        var bytesReceived = 0
        var firstChunk: ContinuousClock.Instant?
        var openBodies = 0
        var operationReturned = false
        var error: HFError.Category?
        var recorded = false
    }

    /// The innermost call under way on this task, of any recorder.
    @TaskLocal private static var innermost: MetricsCall?

    let recorder: MetricsRecorder
    /// The call that was innermost when this one started (an outer operation, or another
    /// recorder's call).
    private let outer: MetricsCall?
    private let operation: HFOperation
    private let model: ModelID?
    private let start: ContinuousClock.Instant
    private let state: LockedState<State>

    private init(recorder: MetricsRecorder, context: HFRequestContext) {
        self.recorder = recorder
        outer = Self.innermost
        operation = context.operation
        model = context.model
        start = recorder.clock.now
        state = LockedState(State(provider: context.provider))
    }

    /// Measures the operation `body` runs: a call found by the requests it sends.
    static func measure<Result>(
        _ context: HFRequestContext, by recorder: MetricsRecorder, _ body: () async throws -> Result
    ) async throws -> Result {
        let call = MetricsCall(recorder: recorder, context: context)
        do {
            let result = try await $innermost.withValue(call) { try await body() }
            call.operationReturned()
            return result
        } catch {
            call.end(error: HFError(caught: error).category)
            throw error
        }
    }

    /// The innermost call of `recorder` under way on this task.
    static func current(of recorder: MetricsRecorder) -> MetricsCall? {
        var call = innermost
        while let candidate = call, candidate.recorder !== recorder { call = candidate.outer }
        return call
    }

    /// A request of the call is being sent, to the provider its context names.
    func sending(_ request: HTTPRequest, context: HFRequestContext) {
        state.withLock { state in
            state.bytesSent += request.body?.count ?? 0
            if let provider = context.provider { state.provider = provider }
        }
    }

    /// A whole response body arrived.
    func received(bytes: Int) {
        state.withLock { $0.bytesReceived += bytes }
    }

    /// A streamed body of the call, to be measured as its reader takes it.
    func meter(_ response: HTTPStreamingResponse) -> HTTPStreamingResponse {
        state.withLock { $0.openBodies += 1 }
        let meter = MetricsBodyMeter(call: self, clock: recorder.clock, isAnswer: response.head.isSuccess)
        return HTTPStreamingResponse(head: response.head, body: response.body.observed(meter))
    }

    /// A streamed body ended, normally (`error` `nil`) or not.
    func bodyEnded(received: Int, firstChunk: ContinuousClock.Instant?, error: HFError.Category?) {
        let done = state.withLock { state -> Bool in
            state.bytesReceived += received
            if state.firstChunk == nil { state.firstChunk = firstChunk }
            if state.error == nil { state.error = error }
            state.openBodies -= 1
            return state.operationReturned && state.openBodies == 0
        }
        if done { end(error: nil) }
    }

    private func operationReturned() {
        let done = state.withLock { state -> Bool in
            state.operationReturned = true
            return state.openBodies == 0
        }
        if done { end(error: nil) }
    }

    /// Records the call once, with `error` if it has none yet.
    private func end(error: HFError.Category?) {
        let now = recorder.clock.now
        let measurement = state.withLock { state -> MetricsMeasurement? in
            guard !state.recorded else { return nil }
            state.recorded = true
            return MetricsMeasurement(
                key: MetricsKey(operation: operation, model: model, provider: state.provider),
                latency: now - start, error: state.error ?? error,
                bytesSent: state.bytesSent, bytesReceived: state.bytesReceived,
                timeToFirstToken: state.firstChunk.map { $0 - start }
            )
        }
        if let measurement { recorder.record(measurement) }
    }

}
