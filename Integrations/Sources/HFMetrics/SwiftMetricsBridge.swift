import CoreMetrics
import HFCore
import HFEnterprise
import Metrics

/// Hands every call a ``HFEnterprise/MetricsRecorder`` records to swift-metrics: install it as the
/// recorder's observer and the calls reach whatever backend the application bootstrapped
/// (Prometheus, StatsD, OpenTelemetry).
///
/// Per call, with the dimensions `operation`, `model` and `provider` (`none` when the call has no
/// model, `router` when the router chose the provider and did not say which):
/// - `hf_requests_total`, a counter, with `outcome` (`ok`, or the error's category);
/// - `hf_request_errors_total`, a counter of failed calls, with `category` (`rateLimited`,
///   `streamInterrupted`, `cancelled`, …);
/// - `hf_request_duration_seconds`, a timer: from the start of the call to the end of its result
///   (a stream's body included);
/// - `hf_time_to_first_token_seconds`, a timer, for streams: to the first chunk of the body;
/// - `hf_request_body_bytes_total` and `hf_response_body_bytes_total`, counters.
///
/// ```swift
/// import HFEnterprise
/// import HFMetrics
///
/// let recorder = MetricsRecorder(observer: SwiftMetricsBridge().record)
/// let client = HFClient(middleware: [MetricsMiddleware(recorder: recorder)])
/// ```
public struct SwiftMetricsBridge: Sendable {
    /// The start of every metric's label, `hf` by default.
    public var prefix: String
    /// Whether `model` is a dimension: turn it off when callers name many models and the backend
    /// charges per series.
    public var includesModel: Bool
    private let factory: any MetricsFactory

    /// A bridge to `factory`, by default the one the application bootstrapped (`MetricsSystem`).
    public init(prefix: String = "hf", includesModel: Bool = true, factory: any MetricsFactory = MetricsSystem.factory) {
        self.prefix = prefix
        self.includesModel = includesModel
        self.factory = factory
    }

    /// Reports one completed call; cheap enough for a ``HFEnterprise/MetricsRecorder``'s observer.
    public func record(_ measurement: MetricsMeasurement) {
        let key = measurement.key
        var dimensions = [("operation", key.operation.rawValue)]
        if includesModel { dimensions.append(("model", key.model?.rawValue ?? "none")) }
        dimensions.append(("provider", key.provider?.rawValue ?? "router"))

        let outcome = measurement.error?.name ?? "ok"
        Counter(label: "\(prefix)_requests_total", dimensions: dimensions + [("outcome", outcome)], factory: factory).increment()
        if let error = measurement.error {
            Counter(label: "\(prefix)_request_errors_total", dimensions: dimensions + [("category", error.name)], factory: factory).increment()
        }
        CoreMetrics.Timer(label: "\(prefix)_request_duration_seconds", dimensions: dimensions, factory: factory).record(duration: measurement.latency)
        if let first = measurement.timeToFirstToken {
            CoreMetrics.Timer(label: "\(prefix)_time_to_first_token_seconds", dimensions: dimensions, factory: factory).record(duration: first)
        }
        Counter(label: "\(prefix)_request_body_bytes_total", dimensions: dimensions, factory: factory).increment(by: measurement.bytesSent)
        Counter(label: "\(prefix)_response_body_bytes_total", dimensions: dimensions, factory: factory).increment(by: measurement.bytesReceived)
    }
}
