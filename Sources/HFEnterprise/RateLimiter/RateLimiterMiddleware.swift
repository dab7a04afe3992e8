/// Takes tokens from a ``RateLimiter`` before each call of a client, waiting for them if needed.
///
/// It works at the operation level: the wait comes before the route is resolved, and a call
/// counts once however many requests it makes (a Hub look-up and the inference request). The
/// call's deadline moves by the time it waited, so a wait never turns into a timeout. Health
/// probes are not charged. Install it after a retry middleware to limit each attempt, before it
/// to limit each call. Calls answered by a cache still take their tokens: the limiter decides
/// before anyone knows.
///
/// ```swift
/// let limiter = try RateLimiter(limits: [.perSecond(5), .perHour(1_000)])
/// let client = HFClient(middleware: [RateLimiterMiddleware(limiter)])
/// ```
public struct RateLimiterMiddleware: HFMiddleware {
    /// The limiter the calls draw from; share it between clients to limit them together.
    public let limiter: RateLimiter
    private let cost: @Sendable (HFRequestContext) -> Int

    /// Each call takes `cost(context)` tokens: 1 unless you weigh calls, say streams or one model
    /// more than others.
    public init(_ limiter: RateLimiter, cost: @escaping @Sendable (HFRequestContext) -> Int = { _ in 1 }) {
        self.limiter = limiter
        self.cost = cost
    }

    public func interceptOperation<Result: Sendable>(
        _ context: HFRequestContext,
        next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        guard context.operation != .healthProbe, !CallHold.isHeld(limiter) else { return try await next(context) }
        let clock = limiter.clock
        let start = clock.now
        try await limiter.acquire(cost: cost(context))
        // The wait was the limiter's, not the service's: the call keeps the time it had.
        var waited = context
        waited.deadline = context.deadline + (clock.now - start)
        return try await CallHold.holding(limiter) { try await next(waited) }
    }
}
