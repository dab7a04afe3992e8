/// Everything a ``MetricsRecorder`` has counted, at one instant: a summary per key and one for
/// all keys together. A plain value: keep it, compare it, send it to another task.
///
/// ```swift
/// let snapshot = recorder.snapshot()
/// for (key, summary) in snapshot.keys {
///     print(key, summary.requests, summary.latency.p50 ?? .zero, summary.errors)
/// }
/// ```
public struct MetricsSnapshot: Sendable, Equatable {
    /// One summary per operation, model and provider.
    public var keys: [MetricsKey: MetricsSummary]
    /// All keys together.
    public var totals: MetricsSummary
    /// The recorder's life when the snapshot was taken (since its creation or last reset).
    public var elapsed: Duration

    init(keys: [MetricsKey: MetricsSummary], elapsed: Duration) {
        self.keys = keys.mapValues { summary in
            var summary = summary
            summary.elapsed = elapsed
            return summary
        }
        var totals = MetricsSummary()
        for summary in keys.values { totals.merge(summary) }
        totals.elapsed = elapsed
        self.totals = totals
        self.elapsed = elapsed
    }

    /// The summaries of one operation, every model and provider together.
    public func summary(for operation: HFOperation) -> MetricsSummary {
        var summary = MetricsSummary()
        for (key, value) in keys where key.operation == operation { summary.merge(value) }
        summary.elapsed = elapsed
        return summary
    }
}
