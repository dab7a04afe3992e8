/// Counts completed calls per operation, model and provider: latency percentiles, throughput,
/// errors by category, bytes in and out, and time to first token for streams.
///
/// Install it with a ``MetricsMiddleware``, or record measurements of your own. Recording takes a
/// lock for a few additions (no allocation once a key has been seen); ``snapshot()`` does the
/// heavier work. An `observer` hears every measurement as it is recorded, for a bridge to another
/// metrics system; it runs on the task that completed the call, so keep it cheap.
///
/// ```swift
/// let recorder = MetricsRecorder()
/// let client = HFClient(middleware: [MetricsMiddleware(recorder: recorder)])
/// _ = try await client.inference.chat("Hi", model: "meta-llama/Llama-3.1-8B-Instruct")
/// let totals = recorder.snapshot().totals
/// print(totals.requests, totals.latency.p95 ?? .zero, totals.errorRate)
/// ```
public final class MetricsRecorder: Sendable {
    private struct State {
        var since: ContinuousClock.Instant
        var keys: [MetricsKey: MetricsSummary] = [:]
    }

    /// The clock that measures calls and the recorder's life.
    public let clock: any HFClock
    private let observer: (@Sendable (MetricsMeasurement) -> Void)?
    private let state: LockedState<State>

    /// - Parameters:
    ///   - clock: measures calls and the recorder's life (throughput is over that life).
    ///   - observer: told of every measurement after it is recorded.
    public init(clock: any HFClock = .system, observer: (@Sendable (MetricsMeasurement) -> Void)? = nil) {
        self.clock = clock
        self.observer = observer
        state = LockedState(State(since: clock.now))
    }

    /// Adds one completed call.
    public func record(_ measurement: MetricsMeasurement) {
        state.withLock { $0.keys[measurement.key, default: MetricsSummary()].add(measurement) }
        observer?(measurement)
    }

    /// What has been recorded so far, per key and in total.
    public func snapshot() -> MetricsSnapshot {
        let now = clock.now
        let (keys, since) = state.withLock { ($0.keys, $0.since) }
        return MetricsSnapshot(keys: keys, elapsed: now - since)
    }

    /// Forgets everything and starts the recorder's life again, returning what it forgets in the
    /// same step: calling it every minute gives per-minute figures. Calls under way are recorded
    /// when they end.
    @discardableResult
    public func reset() -> MetricsSnapshot {
        let now = clock.now
        let (keys, since) = state.withLock { state in
            defer { state = State(since: now) }
            return (state.keys, state.since)
        }
        return MetricsSnapshot(keys: keys, elapsed: now - since)
    }
}
