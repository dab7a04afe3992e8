/// Keeps calls under several rate limits at once (per second, per minute, per hour, or any set of
/// token buckets): ``acquire(cost:)`` waits until every bucket holds the tokens.
///
/// Waiting is first come, first served: a call that waits is served before any that came after
/// it, so a large cost at the head of the queue is not starved by small ones behind it, and
/// ``tryAcquire(cost:)`` never jumps the queue. A waiter whose task is cancelled leaves the queue
/// at once, takes no tokens, and throws ``HFError/Category/cancelled``; those behind it move up.
///
/// ```swift
/// let limiter = try RateLimiter(limits: [.perSecond(5), .perMinute(100)])
/// try await limiter.acquire()              // waits for a token from both buckets
/// let answer = try await client.inference.chat("Hi", model: .llama3_8BInstruct)
/// ```
///
/// For every call of a client, install ``RateLimiterMiddleware``.
public actor RateLimiter {
    private struct Waiter {
        let id: Int
        /// Set while the waiter is suspended behind the head of the queue.
        var turn: CheckedContinuation<Void, any Error>?
    }

    /// The limits, in the order given.
    public nonisolated let limits: [Limit]
    /// The clock waits are measured on.
    nonisolated let clock: any HFClock
    private var buckets: [TokenBucket]
    /// The waiting calls, oldest first; only the head sleeps on the clock.
    private var queue: [Waiter] = []
    private var nextID = 0

    /// A limiter whose buckets start full. Throws a ``HFError/Category/validation`` error when
    /// `limits` is empty or a limit has no capacity, no period, a period too short to share among
    /// its capacity, or one longer than a year.
    public init(limits: [Limit], clock: any HFClock = .system) throws(HFError) {
        guard !limits.isEmpty else { throw .validation(field: "limits", "give at least one limit") }
        for limit in limits where limit.capacity < 1 || limit.period <= .zero || limit.period / limit.capacity <= .zero || limit.period > .seconds(365 * 86_400) {
            throw .validation(field: "limits", "\(limit): the capacity must be at least 1, and the period positive, at most a year and at least a nanosecond per token")
        }
        self.limits = limits
        self.clock = clock
        let now = clock.now
        buckets = limits.map { TokenBucket($0, now: now) }
    }

    /// How many calls are waiting.
    public var waiting: Int { queue.count }

    /// The whole tokens in each bucket now, in the order of ``limits``.
    public var available: [Int] {
        let now = clock.now
        return buckets.map { $0.available(at: now) }
    }

    /// Waits until every bucket holds `cost` tokens and no earlier caller is waiting, then takes them.
    ///
    /// Throws ``HFError/Category/validation`` when `cost` is below 1 or above a bucket's capacity
    /// (it could never be served), and ``HFError/Category/cancelled`` when the task is cancelled
    /// while waiting, having taken nothing.
    public func acquire(cost: Int = 1) async throws(HFError) {
        try validate(cost)
        guard !Task.isCancelled else { throw Self.cancelled }
        if queue.isEmpty, takeIfReady(cost) { return }
        nextID += 1
        let id = nextID
        queue.append(Waiter(id: id))
        do {
            try await waitForTurn(id)
            try await takeWhenReady(cost)
            leave(id)
        } catch {
            leave(id)
            throw Self.cancelled
        }
    }

    /// Takes `cost` tokens if every bucket holds them now and nobody is waiting; never waits.
    ///
    /// Throws ``HFError/Category/validation`` when `cost` is below 1 or above a bucket's capacity.
    public func tryAcquire(cost: Int = 1) throws(HFError) -> Bool {
        try validate(cost)
        return queue.isEmpty && takeIfReady(cost)
    }

    private func validate(_ cost: Int) throws(HFError) {
        if cost < 1 { throw .validation(field: "cost", "must be at least 1, got \(cost)") }
        if let limit = limits.first(where: { $0.capacity < cost }) {
            throw .validation(field: "cost", "\(cost) is more than the limit \(limit) can ever hold")
        }
    }

    /// Takes `cost` tokens from every bucket if all of them hold it now.
    private func takeIfReady(_ cost: Int) -> Bool {
        let now = clock.now
        guard buckets.allSatisfy({ $0.readyAt(cost: cost, now: now) <= now }) else { return false }
        for index in buckets.indices { buckets[index].take(cost: cost, now: now) }
        return true
    }

    /// Returns once waiter `id` is at the head of the queue; throws if its task is cancelled first.
    private func waitForTurn(_ id: Int) async throws {
        guard queue.first?.id != id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (turn: CheckedContinuation<Void, any Error>) in
                // Still on the actor: nothing can have moved the queue since the check above.
                let index = queue.firstIndex { $0.id == id }!
                queue[index].turn = turn
            }
        } onCancel: {
            Task { await self.cancelTurn(id) }
        }
    }

    /// At the head: sleeps on the clock until the buckets hold `cost`, then takes it (only the
    /// head takes tokens, so the instant computed stays right); a cancelled head takes nothing.
    private func takeWhenReady(_ cost: Int) async throws {
        while true {
            try Task.checkCancellation()
            if takeIfReady(cost) { return }
            let now = clock.now
            try await clock.sleep(until: buckets.map { $0.readyAt(cost: cost, now: now) }.max()!)
        }
    }

    private func cancelTurn(_ id: Int) {
        guard let index = queue.firstIndex(where: { $0.id == id }), let turn = queue[index].turn else { return }
        queue[index].turn = nil
        turn.resume(throwing: CancellationError())
    }

    /// Removes waiter `id`; if it was the head, wakes the next one.
    private func leave(_ id: Int) {
        guard let index = queue.firstIndex(where: { $0.id == id }) else { return }
        queue.remove(at: index)
        guard index == 0, !queue.isEmpty, let turn = queue[0].turn else { return }
        queue[0].turn = nil
        turn.resume()
    }

    private static var cancelled: HFError {
        HFError(
            category: .cancelled,
            message: "Waiting for the rate limiter was cancelled; no tokens were taken",
            recoverySuggestion: "Nothing to do: the task was cancelled and the call was not made."
        )
    }
}
