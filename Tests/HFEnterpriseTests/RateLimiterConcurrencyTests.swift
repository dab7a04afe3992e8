import HFTestSupport
import Testing

@testable import HFEnterprise

/// A thousand waiters on one limiter: the permits granted are exactly what the buckets allow over
/// the time the clock moved, with and without cancelled waiters.
@Suite("Rate limiter: concurrency")
struct RateLimiterConcurrencyTests {
    static let callers = 1_000

    /// Starts ``callers`` tasks that each acquire one token; returns once every one of them has
    /// been served or waits.
    static func start(_ limiter: RateLimiter, servedAtOnce: Int) async -> [Task<Void, any Error>] {
        let tasks = (0..<callers).map { _ in Task { try await limiter.acquire() } }
        await RateLimiterTests.waitForWaiters(limiter, callers - servedAtOnce)
        return tasks
    }

    /// Moves the clock `steps` times by `step`, letting the queue settle after each move: the next
    /// head is asleep on the clock again (there are always more waiters than tokens).
    static func run(_ clock: ManualClock, steps: Int, by step: Duration) async {
        for _ in 0..<steps {
            clock.advance(by: step)
            await clock.waitForSleepers(1)
        }
    }

    /// Cancels the tasks still waiting and counts the outcomes: (granted, cancelled).
    static func finish(_ tasks: [Task<Void, any Error>]) async -> (granted: Int, cancelled: Int) {
        for task in tasks { task.cancel() }
        var granted = 0
        var cancelled = 0
        for task in tasks {
            do {
                try await task.value
                granted += 1
            } catch let error as HFError where error.category == .cancelled {
                cancelled += 1
            } catch {}
        }
        return (granted, cancelled)
    }

    /// What `limits` allow from full buckets over `elapsed`: each bucket's capacity plus its refill,
    /// the tightest bucket deciding.
    static func allowed(_ limits: [RateLimiter.Limit], over elapsed: Duration) -> Int {
        limits.map { $0.capacity + Int(elapsed / ($0.period / $0.capacity)) }.min()!
    }

    @Test("1,000 waiters, per-second and per-minute buckets, 30 s of clock: exactly the permits the buckets allow")
    func noLostPermits() async throws {
        let clock = ManualClock()
        let limits: [RateLimiter.Limit] = [.perSecond(10), .perMinute(100)]
        let limiter = try RateLimiter(limits: limits, clock: clock)
        let tasks = await Self.start(limiter, servedAtOnce: 10)
        await clock.waitForSleepers(1)

        await Self.run(clock, steps: 300, by: .milliseconds(100))

        let expected = Self.allowed(limits, over: .seconds(30))
        #expect(expected == 150)
        #expect(await limiter.waiting == Self.callers - expected)
        let (granted, cancelled) = await Self.finish(tasks)
        #expect(granted == expected)
        #expect(cancelled == Self.callers - expected)
        #expect(await limiter.waiting == 0)
    }

    @Test("1,000 waiters, 400 cancelled at random: no deadlock, and the cancelled take nothing from the others")
    func randomCancellations() async throws {
        let clock = ManualClock()
        let limits: [RateLimiter.Limit] = [.perSecond(20)]
        let limiter = try RateLimiter(limits: limits, clock: clock)
        #expect(try await limiter.tryAcquire(cost: 20))
        let tasks = await Self.start(limiter, servedAtOnce: 0)
        await clock.waitForSleepers(1)

        var random = SplitMix64(seed: 10)
        let cancelled = Array(tasks.indices.shuffled(using: &random).prefix(400))
        for index in cancelled { tasks[index].cancel() }
        await RateLimiterTests.waitForWaiters(limiter, Self.callers - 400)
        await clock.waitForSleepers(1)

        await Self.run(clock, steps: 100, by: .milliseconds(100))

        // 10 s refill 200 tokens; had a cancelled waiter taken any, fewer would be left for the rest.
        let (granted, refused) = await Self.finish(tasks)
        #expect(granted == Self.allowed(limits, over: .seconds(10)) - 20)
        #expect(granted == 200)
        #expect(refused == Self.callers - 200)
        for index in cancelled {
            let outcome = await tasks[index].result
            #expect(throws: HFError.self) { try outcome.get() }
        }
        #expect(await limiter.waiting == 0)
    }

    @Test("tryAcquire from 1,000 tasks at once: exactly the capacity succeeds")
    func concurrentTryAcquire() async throws {
        let limiter = try RateLimiter(limits: [.perSecond(50), .perHour(70)], clock: ManualClock())
        let successes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<Self.callers { group.addTask { (try? await limiter.tryAcquire()) ?? false } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 50)
    }
}
