/// What a ``HealthChecker`` knows of one endpoint.
///
/// ```swift
/// for status in await checker.status() {
///     print(status.endpoint, status.isHealthy, status.consecutiveFailures)
/// }
/// ```
public struct HealthStatus: Sendable {
    /// The endpoint.
    public let endpoint: FailoverEndpoint
    /// Its verdict: it turns `false` after ``HealthChecker/unhealthyAfter`` failed probes in a
    /// row, and `true` again after ``HealthChecker/healthyAfter`` good ones. An endpoint starts
    /// healthy: nothing is known against it.
    public internal(set) var isHealthy = true
    /// Probes failed in a row, up to the last one.
    public internal(set) var consecutiveFailures = 0
    /// Probes answered in a row, up to the last one.
    public internal(set) var consecutiveSuccesses = 0
    /// When the last probe ended, on the checker's clock; `nil` before the first.
    public internal(set) var lastChecked: ContinuousClock.Instant?
    /// The last probe's failure (a ``HFError/Category/timeout`` when it gave no answer in time);
    /// `nil` when it answered.
    public internal(set) var lastError: HFError?

    init(endpoint: FailoverEndpoint) {
        self.endpoint = endpoint
    }
}
