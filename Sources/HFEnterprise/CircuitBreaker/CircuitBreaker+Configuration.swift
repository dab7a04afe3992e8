extension CircuitBreaker {
    /// When a breaker opens, how long it stays open, how it probes, and which errors count.
    ///
    /// ```swift
    /// let breaker = try CircuitBreaker(CircuitBreaker.Configuration(
    ///     consecutiveFailures: 5,
    ///     failureRate: .init(threshold: 0.5, window: .duration(.seconds(60)), minimumCalls: 20),
    ///     openDuration: .seconds(30)
    /// ))
    /// ```
    public struct Configuration: Sendable {
        /// Open after this many counted failures in a row; `nil` for no such limit.
        public var consecutiveFailures: Int?
        /// Open when the share of failures in a sliding window reaches a threshold; `nil` for no
        /// such limit.
        public var failureRate: FailureRate?
        /// How long the breaker stays open before it lets probes through.
        public var openDuration: Duration
        /// How many probe calls a half-open breaker lets through at once; the others fail fast.
        public var halfOpenProbes: Int
        /// How many probes must succeed, with none failing, before the breaker closes again.
        public var successesToClose: Int
        /// Which errors count as failures of the service; ``Outcome/serverSide(_:)`` by default.
        public var classify: @Sendable (any Error) -> Outcome

        /// A configuration; by default the breaker opens after 5 failures in a row, for 30 seconds,
        /// and one successful probe closes it.
        public init(
            consecutiveFailures: Int? = 5,
            failureRate: FailureRate? = nil,
            openDuration: Duration = .seconds(30),
            halfOpenProbes: Int = 1,
            successesToClose: Int = 1,
            classify: @escaping @Sendable (any Error) -> Outcome = Outcome.serverSide
        ) {
            self.consecutiveFailures = consecutiveFailures
            self.failureRate = failureRate
            self.openDuration = openDuration
            self.halfOpenProbes = halfOpenProbes
            self.successesToClose = successesToClose
            self.classify = classify
        }

        /// Refuses settings under which the breaker could never open, or never close again.
        func validate() throws(HFError) {
            if consecutiveFailures == nil, failureRate == nil {
                throw .validation(field: "consecutiveFailures", "set consecutiveFailures or failureRate, or the breaker never opens")
            }
            if let consecutiveFailures, consecutiveFailures < 1 {
                throw .validation(field: "consecutiveFailures", "must be at least 1, got \(consecutiveFailures)")
            }
            try failureRate?.validate()
            if openDuration < .zero { throw .validation(field: "openDuration", "must not be negative") }
            if halfOpenProbes < 1 { throw .validation(field: "halfOpenProbes", "must be at least 1, got \(halfOpenProbes)") }
            if successesToClose < 1 { throw .validation(field: "successesToClose", "must be at least 1, got \(successesToClose)") }
        }
    }

    /// A failure-rate limit: the breaker opens when at least `threshold` of the calls in `window`
    /// failed, once the window holds `minimumCalls` calls (so two failures out of three calls at
    /// start-up do not open it).
    ///
    /// ```swift
    /// // Open when half the last 20 calls failed, once 10 have been made.
    /// let rate = CircuitBreaker.FailureRate(threshold: 0.5, window: .calls(20), minimumCalls: 10)
    /// let breaker = try CircuitBreaker(.init(consecutiveFailures: nil, failureRate: rate))
    /// ```
    public struct FailureRate: Sendable, Hashable {
        /// The share of failed calls that opens the breaker, in `0...1` (0.5: half of them).
        public var threshold: Double
        /// Which calls count.
        public var window: Window
        /// How many calls the window must hold before the rate counts.
        public var minimumCalls: Int

        /// Opens at `threshold` failures among the calls of `window`, once it holds `minimumCalls`.
        public init(threshold: Double, window: Window, minimumCalls: Int) {
            self.threshold = threshold
            self.window = window
            self.minimumCalls = minimumCalls
        }

        func validate() throws(HFError) {
            guard threshold > 0, threshold <= 1 else {
                throw .validation(field: "failureRate.threshold", "must be in 0...1 and above 0, got \(threshold)")
            }
            if minimumCalls < 1 { throw .validation(field: "failureRate.minimumCalls", "must be at least 1, got \(minimumCalls)") }
            switch window {
            case .calls(let size):
                if size < minimumCalls {
                    throw .validation(field: "failureRate.window", "holds \(size) calls, fewer than minimumCalls (\(minimumCalls)), so the rate would never count")
                }
            case .duration(let duration):
                if duration <= .zero { throw .validation(field: "failureRate.window", "must be a positive duration") }
            }
        }
    }

    /// The calls a failure rate is computed over.
    ///
    /// ```swift
    /// let lastMinute = CircuitBreaker.FailureRate(threshold: 0.5, window: .duration(.seconds(60)), minimumCalls: 10)
    /// ```
    public enum Window: Sendable, Hashable {
        /// The last `n` counted calls.
        case calls(Int)
        /// The counted calls that ended within the last `duration`.
        case duration(Duration)
    }
}
