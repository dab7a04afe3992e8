extension CircuitBreaker {
    /// Where a breaker stands.
    ///
    /// ```swift
    /// if await breaker.state == .open { print("failing fast") }
    /// ```
    public enum State: String, Sendable, Hashable, CustomStringConvertible {
        /// Calls go through; failures are counted.
        case closed
        /// Calls fail fast with ``HFError/Category/circuitOpen`` and are not sent.
        case open
        /// A limited number of probe calls go through; their outcome closes or re-opens the breaker.
        case halfOpen

        public var description: String { rawValue }
    }

    /// A change of state, as ``CircuitBreaker/changes()`` reports it.
    ///
    /// ```swift
    /// for await transition in breaker.changes() {
    ///     print(transition.from, "→", transition.to)
    /// }
    /// ```
    public struct Transition: Sendable, Hashable, CustomStringConvertible {
        /// The state before.
        public let from: State
        /// The state after.
        public let to: State
        /// When it happened; for open → half-open, the instant the open time ended.
        public let at: ContinuousClock.Instant

        public var description: String { "\(from) → \(to)" }
    }
}
