import HFTestSupport
import Testing

@testable import HFEnterprise

/// The limiter's buckets and queue, step by step on a manual clock.
@Suite("Rate limiter: buckets and queue")
struct RateLimiterTests {
    /// Returns once `count` calls wait on `limiter` (polling, without advancing any clock).
    static func waitForWaiters(_ limiter: RateLimiter, _ count: Int) async {
        while await limiter.waiting != count {
            await Task.yield()
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    @Test("a burst up to the capacity, then one token per period / capacity")
    func burstThenRefill() async throws {
        let clock = ManualClock()
        let limiter = try RateLimiter(limits: [.perSecond(10)], clock: clock)
        for _ in 0..<10 { #expect(try await limiter.tryAcquire()) }
        #expect(try await limiter.tryAcquire() == false)
        clock.advance(by: .milliseconds(99))
        #expect(try await limiter.tryAcquire() == false)
        clock.advance(by: .milliseconds(1))
        #expect(try await limiter.tryAcquire())
        #expect(try await limiter.tryAcquire() == false)
        clock.advance(by: .seconds(5))
        #expect(await limiter.available == [10])
    }

    @Test("several buckets at once: a call needs tokens from each, the tightest decides")
    func severalBuckets() async throws {
        let clock = ManualClock()
        let limiter = try RateLimiter(limits: [.perSecond(5), .perMinute(6)], clock: clock)
        #expect(try await limiter.tryAcquire(cost: 5))
        #expect(await limiter.available == [0, 1])
        clock.advance(by: .seconds(1))
        #expect(await limiter.available == [5, 1])
        #expect(try await limiter.tryAcquire(cost: 2) == false)
        #expect(try await limiter.tryAcquire())
        // The minute bucket's next token comes 10 s after the last one left it full, at t = 10 s.
        clock.advance(by: .seconds(8))
        #expect(try await limiter.tryAcquire() == false)
        clock.advance(by: .seconds(1))
        #expect(try await limiter.tryAcquire())
    }

    @Test("acquire waits on the clock for exactly the missing tokens")
    func acquireWaits() async throws {
        let clock = ManualClock()
        let limiter = try RateLimiter(limits: [.perMinute(60), .perHour(100)], clock: clock)
        #expect(try await limiter.tryAcquire(cost: 60))
        let waiter = Task { try await limiter.acquire(cost: 3) }
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(2_999))
        #expect(await limiter.waiting == 1)
        clock.advance(by: .milliseconds(1))
        try await waiter.value
        #expect(await limiter.waiting == 0)
        #expect(await limiter.available == [0, 37])
    }

    @Test("first come, first served: a large cost at the head is not passed by small ones behind it")
    func fifoFairness() async throws {
        let clock = ManualClock()
        let limiter = try RateLimiter(limits: [.perSecond(10)], clock: clock)
        #expect(try await limiter.tryAcquire(cost: 10))
        let large = Task { try await limiter.acquire(cost: 10) }
        await Self.waitForWaiters(limiter, 1)
        var small: [Task<Void, any Error>] = []
        for position in 1...3 {
            small.append(Task { try await limiter.acquire() })
            await Self.waitForWaiters(limiter, 1 + position)
        }
        await clock.waitForSleepers(1)

        // Five tokens are there, enough for every small call, but the large one is first.
        clock.advance(by: .milliseconds(500))
        #expect(await limiter.available == [5])
        #expect(try await limiter.tryAcquire() == false)
        #expect(await limiter.waiting == 4)

        clock.advance(by: .milliseconds(500))
        try await large.value
        for (index, call) in small.enumerated() {
            await clock.waitForSleepers(1)
            #expect(await limiter.waiting == 3 - index)
            clock.advance(by: .milliseconds(100))
            try await call.value
        }
        #expect(await limiter.waiting == 0)
    }

    @Test("a cancelled head leaves the queue, takes nothing and throws cancelled; the next one is served")
    func cancelledHead() async throws {
        let clock = ManualClock()
        let limiter = try RateLimiter(limits: [.perSecond(10)], clock: clock)
        #expect(try await limiter.tryAcquire(cost: 10))
        let head = Task { try await limiter.acquire(cost: 5) }
        await Self.waitForWaiters(limiter, 1)
        let next = Task { try await limiter.acquire(cost: 1) }
        await Self.waitForWaiters(limiter, 2)
        await clock.waitForSleepers(1)

        head.cancel()
        let error = await #expect(throws: HFError.self) { try await head.value }
        #expect(error?.category == .cancelled)
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(100))
        try await next.value
        #expect(await limiter.available == [0])
        clock.advance(by: .milliseconds(500))
        #expect(await limiter.available == [5])
    }

    @Test("a cancelled waiter in the middle leaves; the ones before and after it are served in order")
    func cancelledMiddle() async throws {
        let clock = ManualClock()
        let limiter = try RateLimiter(limits: [.perSecond(2)], clock: clock)
        #expect(try await limiter.tryAcquire(cost: 2))
        var tasks: [Task<Void, any Error>] = []
        for index in 0..<3 {
            tasks.append(Task { try await limiter.acquire() })
            await Self.waitForWaiters(limiter, index + 1)
        }
        tasks[1].cancel()
        let error = await #expect(throws: HFError.self) { try await tasks[1].value }
        #expect(error?.category == .cancelled)
        await Self.waitForWaiters(limiter, 2)
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(500))
        try await tasks[0].value
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(500))
        try await tasks[2].value
        #expect(await limiter.available == [0])
    }

    @Test("a task cancelled before it asks gets cancelled at once and takes nothing")
    func cancelledBeforeAsking() async throws {
        let limiter = try RateLimiter(limits: [.perSecond(1)], clock: ManualClock())
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await limiter.acquire()
        }
        let error = await #expect(throws: HFError.self) { try await task.value }
        #expect(error?.category == .cancelled)
        #expect(await limiter.available == [1])
    }

    @Test("a cost no bucket can ever hold, or below 1, is a validation error; so are empty or zero limits")
    func validation() async throws {
        let limiter = try RateLimiter(limits: [.perSecond(10), .perMinute(5)], clock: ManualClock())
        for cost in [6, 0, -1] {
            let acquired = await #expect(throws: HFError.self) { try await limiter.acquire(cost: cost) }
            #expect(acquired?.category == .validation)
            #expect(acquired?.field == "cost")
            let tried = await #expect(throws: HFError.self) { try await limiter.tryAcquire(cost: cost) }
            #expect(tried?.category == .validation)
        }
        #expect(await limiter.available == [10, 5])
        for limits: [RateLimiter.Limit] in [[], [.perSecond(0)], [RateLimiter.Limit(capacity: 1, per: .zero)]] {
            let error = #expect(throws: HFError.self) { try RateLimiter(limits: limits) }
            #expect(error?.field == "limits")
        }
    }
}
