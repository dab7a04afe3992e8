extension RateLimiter {
    /// One token bucket: holds up to `capacity` tokens and refills at `capacity` per `period`,
    /// continuously (with 60 per minute, a token comes back every second).
    ///
    /// ```swift
    /// let limits: [RateLimiter.Limit] = [.perSecond(10), .perMinute(300), .perHour(5_000)]
    /// ```
    public struct Limit: Sendable, Hashable, CustomStringConvertible {
        /// The most tokens the bucket holds: the largest burst, and the largest cost one call may have.
        public var capacity: Int
        /// How long the bucket takes to refill from empty.
        public var period: Duration

        /// A bucket of `capacity` tokens that refills in `period`.
        public init(capacity: Int, per period: Duration) {
            self.capacity = capacity
            self.period = period
        }

        /// `capacity` per second.
        public static func perSecond(_ capacity: Int) -> Limit { Limit(capacity: capacity, per: .seconds(1)) }
        /// `capacity` per minute.
        public static func perMinute(_ capacity: Int) -> Limit { Limit(capacity: capacity, per: .seconds(60)) }
        /// `capacity` per hour.
        public static func perHour(_ capacity: Int) -> Limit { Limit(capacity: capacity, per: .seconds(3_600)) }

        public var description: String { "\(capacity) per \(period)" }
    }
}
