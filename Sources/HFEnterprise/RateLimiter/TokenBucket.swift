/// One ``RateLimiter/Limit`` as exact arithmetic on instants (the generic cell rate algorithm):
/// instead of a fractional token count, the bucket keeps the instant it will be full again. Each
/// token costs `interval` (`period / capacity`) of it, and a cost fits when that instant, moved on
/// by the cost, lies at most one `horizon` (`capacity` tokens) ahead. No floating point, so a test
/// that advances a clock by whole periods gets exactly the tokens the limits allow.
struct TokenBucket {
    let limit: RateLimiter.Limit
    private let interval: Duration
    private let horizon: Duration
    /// When the bucket is full again; at or before now means it is full.
    private var fullAt: ContinuousClock.Instant

    /// A full bucket.
    init(_ limit: RateLimiter.Limit, now: ContinuousClock.Instant) {
        self.limit = limit
        interval = limit.period / limit.capacity
        horizon = interval * limit.capacity
        fullAt = now
    }

    /// The earliest instant at which `cost` tokens are there (`now` if they are now).
    func readyAt(cost: Int, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        max(now, fullAt + interval * cost - horizon)
    }

    /// Takes `cost` tokens, which must be there.
    mutating func take(cost: Int, now: ContinuousClock.Instant) {
        fullAt = max(fullAt, now) + interval * cost
    }

    /// How many whole tokens are there at `now`.
    func available(at now: ContinuousClock.Instant) -> Int {
        let free = horizon - max(fullAt - now, .zero)
        // An estimate from the ratio, then corrected on exact arithmetic.
        var tokens = min(limit.capacity, max(0, Int(free / interval)))
        while tokens < limit.capacity, interval * (tokens + 1) <= free { tokens += 1 }
        while tokens > 0, interval * tokens > free { tokens -= 1 }
        return tokens
    }
}
