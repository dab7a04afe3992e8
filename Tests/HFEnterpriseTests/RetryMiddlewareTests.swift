import Foundation
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The retry middleware's operation level, called directly: what each attempt's context holds,
/// and calls nested in a retrying call.
@Suite("Retry middleware")
struct RetryMiddlewareTests {
    struct Attempt {
        let context: HFRequestContext
        let startedAt: ContinuousClock.Instant
    }

    @Test("each attempt: the attempt number counted on from the incoming one, and a deadline as far ahead as the first's")
    func attemptContexts() async throws {
        let clock = SkippingClock()
        let middleware = RetryMiddleware(policy: RetryPolicy(baseDelay: .seconds(1), random: .fixed(1)), clock: clock)
        let incoming = HFRequestContext(operation: .chat, attempt: 2, deadline: clock.now + .seconds(10))
        let attempts = LockedState<[Attempt]>([])
        let result = try await middleware.interceptOperation(incoming) { context in
            let count = attempts.withLock { list in
                list.append(Attempt(context: context, startedAt: clock.now))
                return list.count
            }
            switch count {
            case 1:
                clock.manual.advance(by: .seconds(10))   // the whole budget, then a timeout
                throw HFError.failure(.timeout)
            case 2:
                throw HFError.failure(.network)
            default:
                return "answer"
            }
        }
        #expect(result == "answer")
        let seen = attempts.withLock { $0 }
        #expect(seen.map(\.context.attempt) == [2, 3, 4])
        #expect(seen[0].context.deadline == incoming.deadline)
        for attempt in seen.dropFirst() {
            #expect(attempt.context.deadline == attempt.startedAt + .seconds(10))
        }
        #expect(seen[1].context.deadline > incoming.deadline)
        #expect(seen.allSatisfy { $0.context.operation == .chat })
    }

    @Test("a call nested in a retrying call is not retried on its own: attempts add up, never multiply")
    func nestedCalls() async throws {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .zero)
        let outer = RetryMiddleware(policy: policy, clock: SkippingClock())
        let inner = RetryMiddleware(policy: policy, clock: SkippingClock())
        let innerCalls = LockedState(0)
        let context = HFRequestContext(operation: .chat, deadline: .now + .seconds(60))
        let failing: @Sendable () async throws -> Int = {
            try await inner.interceptOperation(HFRequestContext(operation: .providerMapping, deadline: .now + .seconds(60))) { _ -> Int in
                innerCalls.withLock { $0 += 1 }
                throw HFError.failure(.api, status: 502)
            }
        }
        await #expect(throws: HFError.self) { try await outer.interceptOperation(context) { _ in try await failing() } }
        #expect(innerCalls.withLock { $0 } == 3)

        innerCalls.withLock { $0 = 0 }
        await #expect(throws: HFError.self) { try await policy.run(clock: SkippingClock()) { _ in try await failing() } }
        #expect(innerCalls.withLock { $0 } == 3)

        // On its own, the same call is retried.
        innerCalls.withLock { $0 = 0 }
        await #expect(throws: HFError.self) { try await failing() }
        #expect(innerCalls.withLock { $0 } == 3)
    }
}
