/// One completed call as ``MetricsRecorder`` records it, and as its observer hears it: the shape
/// to bridge to another metrics system (a timer for ``latency``, counters for the rest).
///
/// ```swift
/// let recorder = MetricsRecorder { measurement in
///     print(measurement.key, measurement.latency, measurement.error?.name ?? "ok")
/// }
/// ```
public struct MetricsMeasurement: Sendable, Equatable {
    /// The call's operation, model and provider.
    public var key: MetricsKey
    /// From the start of the call to its end: the result read whole, or a stream's body ended.
    public var latency: Duration
    /// The category of the error the call ended with; `nil` for a success.
    public var error: HFError.Category?
    /// Request body bytes sent, over every request of the call.
    public var bytesSent: Int
    /// Response body bytes received: whole bodies as read, streamed ones as the reader took them.
    public var bytesReceived: Int
    /// For a stream, from the start of the call to the first chunk of its body; `nil` otherwise.
    public var timeToFirstToken: Duration?

    /// A measurement of a call of your own, for ``MetricsRecorder/record(_:)``.
    public init(
        key: MetricsKey, latency: Duration, error: HFError.Category? = nil,
        bytesSent: Int = 0, bytesReceived: Int = 0, timeToFirstToken: Duration? = nil
    ) {
        self.key = key
        self.latency = latency
        self.error = error
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        self.timeToFirstToken = timeToFirstToken
    }
}
