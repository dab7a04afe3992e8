import HFCore

extension RetryPolicy {
    /// Where the jitter of ``RetryPolicy`` comes from: a fraction in `0...1` for each wait.
    ///
    /// The system's generator by default; a seeded generator or a fixed fraction makes waits
    /// repeatable in tests.
    ///
    /// ```swift
    /// var policy = RetryPolicy()
    /// policy.random = RetryPolicy.RandomSource(fraction: { 0.5 })   // every wait half its bound
    /// ```
    public struct RandomSource: Sendable {
        private let fraction: @Sendable () -> Double

        /// A source that asks `fraction` for each wait; values outside `0...1` (and NaN) are clamped.
        public init(fraction: @escaping @Sendable () -> Double) {
            self.fraction = fraction
        }

        /// A source drawing from `generator`, one draw at a time (the generator is kept behind a lock).
        public init<Generator: RandomNumberGenerator & Sendable>(_ generator: Generator) {
            let state = LockedState(generator)
            self.init(fraction: { state.withLock { Double.random(in: 0...1, using: &$0) } })
        }

        /// The system's random number generator.
        public static var system: RandomSource {
            RandomSource(fraction: { Double.random(in: 0...1) })
        }

        /// The next fraction, in `0...1`.
        func next() -> Double {
            let value = fraction()
            return value.isNaN ? 0 : min(max(value, 0), 1)
        }
    }
}
