/// An endpoint's verdict changed, as ``HealthChecker/changes()`` tells it.
///
/// ```swift
/// for await change in checker.changes() {
///     print(change.endpoint, change.isHealthy ? "up" : "down: \(change.error?.message ?? "")")
/// }
/// ```
public struct HealthChange: Sendable {
    /// The endpoint.
    public let endpoint: FailoverEndpoint
    /// The new verdict.
    public let isHealthy: Bool
    /// When the probe that decided it ended, on the checker's clock.
    public let at: ContinuousClock.Instant
    /// The failure of the probe that made it unhealthy; `nil` when it recovered.
    public let error: HFError?
}
