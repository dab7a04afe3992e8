import Foundation
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The retry policy's decisions and its run loop, on a manual clock with fixed or seeded jitter.
@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("backoff bounds double from the base up to maxDelay; the jitter picks a share of the bound")
    func bounds() {
        var policy = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(10), random: .fixed(1))
        let network = HFError.failure(.network)
        #expect((1...7).map { policy.delay(afterAttempt: $0, failingWith: network) } == [1, 2, 4, 8, 10, 10, 10].map { Duration.seconds($0) })
        #expect(policy.backoffBound(afterAttempt: 1_000_000) == .seconds(10))
        policy.random = .fixed(0.5)
        #expect((1...5).map { policy.delay(afterAttempt: $0, failingWith: network) } == [0.5, 1, 2, 4, 5].map { Duration.seconds($0) })
        policy.random = .fixed(0)
        #expect((1...5).allSatisfy { policy.delay(afterAttempt: $0, failingWith: network) == .zero })
    }

    @Test("full jitter: seeded draws stay within 0…bound, spread over all of it, and repeat with the seed")
    func fullJitter() {
        let draws = 2_000
        func delays(seed: UInt64) -> [[Duration]] {
            let policy = RetryPolicy(baseDelay: .milliseconds(250), maxDelay: .seconds(4), random: RetryPolicy.RandomSource(SplitMix64(seed: seed)))
            return (1...7).map { attempt in (0..<draws).map { _ in policy.delay(afterAttempt: attempt, failingWith: .failure(.timeout)) } }
        }
        let all = delays(seed: 7)
        for (index, sample) in all.enumerated() {
            let bound = Duration.milliseconds(250) * (1 << index)
            let cap = min(bound, .seconds(4))
            #expect(sample.allSatisfy { $0 >= .zero && $0 <= cap })
            #expect(sample.min()! < cap * 0.01)
            #expect(sample.max()! > cap * 0.99)
            let mean = sample.reduce(Duration.zero, +) / draws
            #expect(mean > cap * 0.45 && mean < cap * 0.55, "mean \(mean) for a bound of \(cap)")
        }
        #expect(delays(seed: 7) == all)
        #expect(delays(seed: 8) != all)
    }

    @Test("a run waits on its clock: no attempt before its wait (the backoff, or the server's Retry-After) is over")
    func waitsOnTheClock() async throws {
        let clock = ManualClock()
        let attempts = LockedState(0)
        let policy = RetryPolicy(baseDelay: .seconds(1), random: .fixed(1))
        let run = Task {
            try await policy.run(clock: clock) { attempt in
                attempts.withLock { $0 = attempt }
                switch attempt {
                case 1: throw HFError.failure(.network)
                case 2: throw HFError.failure(.rateLimited, status: 429, retryAfter: .seconds(5))
                default: return attempt
                }
            }
        }
        for wait in [Duration.seconds(1), .seconds(5)] {
            await clock.waitForSleepers(1)
            let before = attempts.withLock { $0 }
            clock.advance(by: wait - .milliseconds(1))
            #expect(clock.sleeperCount == 1)
            #expect(attempts.withLock { $0 } == before)
            clock.advance(by: .milliseconds(1))
        }
        #expect(try await run.value == 3)
    }

    @Test("attempt limit: a call that keeps failing is sent maxAttempts times, then its last error is thrown, saying so")
    func attemptLimit() async throws {
        for (limit, expected) in [(3, 3), (1, 1), (0, 1)] {
            let calls = LockedState(0)
            let policy = RetryPolicy(maxAttempts: limit, baseDelay: .zero)
            let error = await #expect(throws: HFError.self) {
                try await policy.run(clock: ManualClock()) { _ in
                    calls.withLock { $0 += 1 }
                    throw HFError.failure(.api, status: 502)
                }
            }
            #expect(calls.withLock { $0 } == expected)
            #expect(error?.status == 502)
            #expect(error?.recoverySuggestion.contains("sent the call 3 times and stopped at its limit of 3 attempts") == (expected == 3))
        }
    }

    @Test("elapsed-time limit: no wait starts that would end after maxElapsedTime, attempts' own time included")
    func elapsedTimeLimit() async throws {
        let clock = SkippingClock()
        let calls = LockedState(0)
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .seconds(1), maxElapsedTime: .seconds(8), random: .fixed(1))
        let error = await #expect(throws: HFError.self) {
            try await policy.run(clock: clock) { _ in
                calls.withLock { $0 += 1 }
                clock.manual.advance(by: .seconds(1))
                throw HFError.failure(.timeout)
            }
        }
        // 1 s attempt, 1 s wait, 1 s attempt, 2 s wait, 1 s attempt (t = 6): a 4 s wait would end at 10 s.
        #expect(calls.withLock { $0 } == 3)
        #expect(clock.waits == [.seconds(1), .seconds(2)])
        #expect(error?.category == .timeout)
        #expect(error?.recoverySuggestion.contains("stopped at its time limit of 8") == true)
    }

    @Test("Retry-After is the least wait, capped at maxServerWait; a longer backoff still wins")
    func retryAfter() throws {
        let recorded = HFError(response: HTTPResponse(head: HTTPResponseHead(status: 429, headers: ["Retry-After": "7"]), body: Data()))
        #expect(recorded.category == .rateLimited)
        var policy = RetryPolicy(baseDelay: .seconds(1), maxServerWait: .seconds(60), random: .fixed(0))
        #expect(policy.delay(afterAttempt: 1, failingWith: recorded) == .seconds(7))
        #expect(policy.delay(afterAttempt: 1, failingWith: .failure(.rateLimited, retryAfter: .seconds(3600))) == .seconds(60))
        policy.random = .fixed(1)
        #expect(policy.delay(afterAttempt: 5, failingWith: recorded) == .seconds(16))
        policy.maxServerWait = .seconds(2)
        #expect(policy.delay(afterAttempt: 1, failingWith: recorded) == .seconds(2))
    }

    @Test("a loading model's estimated_time is the least wait, capped; the longer of it and Retry-After counts")
    func estimatedTime() throws {
        // The documented legacy loading body (hf-protocol §8.1), fed to the error mapper as a value:
        // no recording holds a 503 with estimated_time (see D10).
        let body = Data(#"{"error":"Model facebook/bart-base is currently loading","estimated_time":20.0}"#.utf8)
        let loading = HFError(response: HTTPResponse(head: HTTPResponseHead(status: 503, headers: ["Content-Type": "application/json"]), body: body))
        #expect(loading.category == .modelUnavailable)
        #expect(loading.estimatedTime == .seconds(20))
        var policy = RetryPolicy(baseDelay: .seconds(1), maxServerWait: .seconds(60), random: .fixed(0.5))
        #expect(policy.delay(afterAttempt: 1, failingWith: loading) == .seconds(20))
        #expect(policy.delay(afterAttempt: 1, failingWith: .failure(.modelUnavailable, retryAfter: .seconds(30), estimatedTime: .seconds(20))) == .seconds(30))
        policy.maxServerWait = .seconds(15)
        #expect(policy.delay(afterAttempt: 1, failingWith: .failure(.modelUnavailable, estimatedTime: .seconds(98.86))) == .seconds(15))
    }

    static let retryable: [HFError] = [
        .failure(.rateLimited, status: 429), .failure(.modelUnavailable, status: 503), .failure(.network), .failure(.timeout, status: 504),
        .failure(.timeout), .failure(.api, status: 500), .failure(.api, status: 502), .failure(.api, status: 503), .failure(.api, status: 504),
    ]

    @Test("retried by default: rate limits, loading models, network failures, timeouts, 500/502/503/504", arguments: retryable)
    func retriedByDefault(_ failure: HFError) async throws {
        let calls = LockedState(0)
        let result = try await RetryPolicy(maxAttempts: 2, baseDelay: .zero).run(clock: ManualClock()) { attempt in
            calls.withLock { $0 += 1 }
            if attempt == 1 { throw failure }
            return attempt
        }
        #expect(result == 2)
        #expect(calls.withLock { $0 } == 2)
    }

    static let refused: [HFError] = RetryPolicy.neverRetried.map { HFError.failure($0) } + [
        .failure(.api, status: 400), .failure(.api, status: 404), .failure(.api, status: 422), .failure(.api), .failure(HFError.Category("circuitOpen")),
    ]

    @Test("never retried: thrown at once and unchanged, even when the caller lists the category", arguments: refused)
    func notRetried(_ failure: HFError) async throws {
        var policy = RetryPolicy(baseDelay: .zero)
        policy.retryableCategories.formUnion(RetryPolicy.neverRetried)
        let calls = LockedState(0)
        let error = await #expect(throws: HFError.self) {
            try await policy.run(clock: ManualClock()) { _ in
                calls.withLock { $0 += 1 }
                throw failure
            }
        }
        #expect(calls.withLock { $0 } == 1)
        #expect(error?.category == failure.category)
        #expect(error?.recoverySuggestion == failure.recoverySuggestion)
    }

    struct OwnError: Error {}

    @Test("errors that are not HFErrors are the caller's own: thrown at once, as they are")
    func foreignErrors() async throws {
        let calls = LockedState(0)
        await #expect(throws: OwnError.self) {
            try await RetryPolicy(baseDelay: .zero).run(clock: ManualClock()) { _ in
                calls.withLock { $0 += 1 }
                throw OwnError()
            }
        }
        #expect(calls.withLock { $0 } == 1)
    }

    @Test("cancelling the task ends the wait at once: the run throws cancelled and sends nothing more")
    func cancellationDuringBackoff() async throws {
        let clock = ManualClock()
        let calls = LockedState(0)
        let policy = RetryPolicy(baseDelay: .seconds(3600), maxElapsedTime: .seconds(86_400), random: .fixed(1))
        let run = Task {
            try await policy.run(clock: clock) { _ in
                calls.withLock { $0 += 1 }
                throw HFError.failure(.modelUnavailable, status: 503)
            }
        }
        let error = await cancelWhileWaiting(run, on: clock)
        #expect(error?.category == .cancelled)
        #expect(clock.sleeperCount == 0)
        #expect(calls.withLock { $0 } == 1)
    }
}
