/// What a ``MetricsRecorder`` knows of one key, or of all keys together: counts, errors by
/// category, bytes, and the latency and time-to-first-token distributions.
///
/// ```swift
/// let chat = recorder.snapshot().totals
/// print(chat.requests, chat.errorRate, chat.latency.p99 ?? .zero, chat.throughput)
/// ```
public struct MetricsSummary: Sendable, Equatable {
    /// Calls completed, successful or not.
    public private(set) var requests = 0
    /// Calls that ended with an error, by category: the category the caller got, or for a stream
    /// that broke after its head ``HFError/Category/streamInterrupted``. Cancellations count too,
    /// as ``HFError/Category/cancelled`` (a stream its reader left before the end included).
    public private(set) var errors: [HFError.Category: Int] = [:]
    /// Request body bytes sent.
    public private(set) var bytesSent = 0
    /// Response body bytes received.
    public private(set) var bytesReceived = 0
    /// How long calls took, to the end of their result (a stream's body included).
    public private(set) var latency = LatencyHistogram()
    /// For streams: how long until the first chunk of the body.
    public private(set) var timeToFirstToken = LatencyHistogram()
    /// The time ``throughput`` is measured over: the recorder's life (since its creation or its
    /// last reset) when the snapshot was taken.
    public internal(set) var elapsed: Duration = .zero

    /// An empty summary.
    public init() {}

    /// Calls that ended with an error.
    public var failures: Int {
        errors.values.reduce(0, +)
    }

    /// Failed calls over all calls, 0 when there were none; cancellations included (subtract
    /// `errors[.cancelled]` to leave them out).
    public var errorRate: Double {
        requests == 0 ? 0 : Double(failures) / Double(requests)
    }

    /// Completed calls per second over ``elapsed``: the recorder's life, or the window between two
    /// ``MetricsRecorder/reset()``s.
    public var throughput: Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Double(requests) / seconds : 0
    }

    /// Adds one call.
    mutating func add(_ measurement: MetricsMeasurement) {
        requests += 1
        if let error = measurement.error { errors[error, default: 0] += 1 }
        bytesSent += measurement.bytesSent
        bytesReceived += measurement.bytesReceived
        latency.record(measurement.latency)
        if let first = measurement.timeToFirstToken { timeToFirstToken.record(first) }
    }

    /// Adds every call of `other`.
    mutating func merge(_ other: MetricsSummary) {
        requests += other.requests
        errors.merge(other.errors, uniquingKeysWith: +)
        bytesSent += other.bytesSent
        bytesReceived += other.bytesReceived
        latency.merge(other.latency)
        timeToFirstToken.merge(other.timeToFirstToken)
    }
}
