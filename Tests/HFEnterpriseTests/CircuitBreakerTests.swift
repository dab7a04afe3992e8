import HFTestSupport
import Testing

@testable import HFEnterprise

/// The breaker's state machine, step by step on a manual clock.
@Suite("Circuit breaker: state machine")
struct CircuitBreakerTests {
    typealias Configuration = CircuitBreaker.Configuration

    static func error(_ category: HFError.Category, status: Int? = nil) -> HFError {
        var error = HFError(category: category, message: "test")
        error.status = status
        return error
    }

    /// Makes one call that ends with `outcome`.
    static func call(_ breaker: CircuitBreaker, _ outcome: CircuitBreaker.Outcome) async throws {
        let permit = try await breaker.acquire()
        await breaker.record(permit, outcome)
    }

    /// The first `count` transitions of `stream` (already yielded, so this does not wait).
    static func first(_ count: Int, of stream: AsyncStream<CircuitBreaker.Transition>) async -> [CircuitBreaker.Transition] {
        var transitions: [CircuitBreaker.Transition] = []
        for await transition in stream.prefix(count) { transitions.append(transition) }
        return transitions
    }

    @Test("opens after N failures in a row, a success starts the count again; open fails fast with the time left")
    func consecutiveFailures() async throws {
        let clock = ManualClock()
        let breaker = try CircuitBreaker(Configuration(consecutiveFailures: 3, openDuration: .seconds(30)), clock: clock)
        for outcome: CircuitBreaker.Outcome in [.failure, .failure, .success, .failure, .failure] {
            try await Self.call(breaker, outcome)
        }
        #expect(await breaker.state == .closed)
        try await Self.call(breaker, .failure)
        #expect(await breaker.state == .open)

        clock.advance(by: .seconds(10))
        let refused = await #expect(throws: HFError.self) { try await breaker.acquire() }
        #expect(refused?.category == .circuitOpen)
        #expect(refused?.retryAfter == .seconds(20))
        #expect(refused?.message.contains("3 consecutive failures") == true)
        #expect(refused?.recoverySuggestion.contains("retryAfter") == true)
    }

    @Test("failure rate over the last calls: counts only once the window holds the minimum")
    func failureRateOverCalls() async throws {
        let rate = CircuitBreaker.FailureRate(threshold: 0.5, window: .calls(4), minimumCalls: 4)
        let breaker = try CircuitBreaker(Configuration(consecutiveFailures: nil, failureRate: rate), clock: ManualClock())
        // Two failures of two calls: 100%, but below the minimum.
        for outcome: CircuitBreaker.Outcome in [.failure, .failure, .success, .success] {
            try await Self.call(breaker, outcome)
        }
        #expect(await breaker.state == .closed)
        // The window now holds the last four: failure, success, success, failure = 50%.
        try await Self.call(breaker, .failure)
        #expect(await breaker.state == .open)
    }

    @Test("failure rate over a duration: failures older than the window no longer count")
    func failureRateOverDuration() async throws {
        let clock = ManualClock()
        let rate = CircuitBreaker.FailureRate(threshold: 0.5, window: .duration(.seconds(10)), minimumCalls: 2)
        let breaker = try CircuitBreaker(Configuration(consecutiveFailures: nil, failureRate: rate), clock: clock)
        try await Self.call(breaker, .failure)
        clock.advance(by: .seconds(11))
        // Without sliding this would be 2 of 4; the first failure has left the window: 1 of 3.
        for outcome: CircuitBreaker.Outcome in [.success, .success, .failure] {
            try await Self.call(breaker, outcome)
        }
        #expect(await breaker.state == .closed)
        try await Self.call(breaker, .failure)
        #expect(await breaker.state == .open)
    }

    @Test("half-open when the open time is up; enough probe successes close it; every change is observed")
    func halfOpenCloses() async throws {
        let clock = ManualClock()
        let start = clock.now
        let breaker = try CircuitBreaker(Configuration(consecutiveFailures: 1, openDuration: .seconds(30), halfOpenProbes: 2, successesToClose: 2), clock: clock)
        let changes = breaker.changes()
        try await Self.call(breaker, .failure)

        clock.advance(by: .seconds(29))
        #expect(await breaker.state == .open)
        clock.advance(by: .seconds(2))
        #expect(await breaker.state == .halfOpen)

        let first = try await breaker.acquire()
        let second = try await breaker.acquire()
        let full = await #expect(throws: HFError.self) { try await breaker.acquire() }
        #expect(full?.category == .circuitOpen)
        #expect(full?.retryAfter == nil)
        await breaker.record(first, .success)
        #expect(await breaker.state == .halfOpen)
        // The first probe's place is free again.
        let third = try await breaker.acquire()
        await breaker.record(second, .success)
        #expect(await breaker.state == .closed)
        // A probe of the finished round counts for nothing.
        await breaker.record(third, .failure)
        #expect(await breaker.state == .closed)

        let transitions = await Self.first(3, of: changes)
        #expect(transitions.map(\.description) == ["closed → open", "open → halfOpen", "halfOpen → closed"])
        #expect(transitions.map(\.at) == [start, start + .seconds(30), start + .seconds(31)])
    }

    @Test("a probe failure re-opens for a whole open time; the rest of the round is ignored")
    func probeFailureReopens() async throws {
        let clock = ManualClock()
        let breaker = try CircuitBreaker(Configuration(consecutiveFailures: 1, openDuration: .seconds(30), halfOpenProbes: 2, successesToClose: 1), clock: clock)
        try await Self.call(breaker, .failure)
        clock.advance(by: .seconds(30))
        let first = try await breaker.acquire()
        let second = try await breaker.acquire()
        await breaker.record(first, .failure)
        await breaker.record(second, .success)
        #expect(await breaker.state == .open)
        let refused = await #expect(throws: HFError.self) { try await breaker.acquire() }
        #expect(refused?.retryAfter == .seconds(30))
        #expect(refused?.message.contains("a probe call failed") == true)
    }

    @Test("a call started while closed that ends after the breaker opened is not counted")
    func staleOutcome() async throws {
        let clock = ManualClock()
        let breaker = try CircuitBreaker(Configuration(consecutiveFailures: 1, openDuration: .seconds(5)), clock: clock)
        let slow = try await breaker.acquire()
        try await Self.call(breaker, .failure)
        clock.advance(by: .seconds(5))
        #expect(await breaker.state == .halfOpen)
        await breaker.record(slow, .success)
        #expect(await breaker.state == .halfOpen)
    }

    @Test("ignored outcomes neither count nor reset the count; an ignored probe frees its place")
    func ignoredOutcomes() async throws {
        let clock = ManualClock()
        let breaker = try CircuitBreaker(Configuration(consecutiveFailures: 2, openDuration: .seconds(1)), clock: clock)
        try await Self.call(breaker, .failure)
        try await Self.call(breaker, .ignored)
        #expect(await breaker.state == .closed)
        try await Self.call(breaker, .failure)
        #expect(await breaker.state == .open)

        clock.advance(by: .seconds(1))
        let probe = try await breaker.acquire()
        await breaker.record(probe, error: Self.error(.validation))
        let again = try await breaker.acquire()
        await breaker.record(again, error: CancellationError())
        #expect(await breaker.state == .halfOpen)
        try await Self.call(breaker, .success)
        #expect(await breaker.state == .closed)
    }

    @Test("run: an open breaker does not call the operation; the operation's error is rethrown and counted")
    func run() async throws {
        let breaker = try CircuitBreaker(Configuration(consecutiveFailures: 1), clock: ManualClock())
        let calls = LockedState(0)
        let failed = await #expect(throws: HFError.self) {
            try await breaker.run {
                calls.withLock { $0 += 1 }
                throw Self.error(.api, status: 502)
            }
        }
        #expect(failed?.status == 502)
        let refused = await #expect(throws: HFError.self) {
            try await breaker.run { calls.withLock { $0 += 1 } }
        }
        #expect(refused?.category == .circuitOpen)
        #expect(calls.withLock { $0 } == 1)
    }

    @Test("default classification: server-side and transport failures count; nothing sent or cancelled is ignored", arguments: [
        (HFError.Category.api, 500, CircuitBreaker.Outcome.failure),
        (.api, 503, .failure),
        (.api, nil, .failure),
        (.api, 404, .success),
        (.modelUnavailable, 503, .failure),
        (.network, nil, .failure),
        (.timeout, 504, .failure),
        (.streamInterrupted, nil, .failure),
        (.rateLimited, 429, .ignored),
        (.validation, nil, .ignored),
        (.cancelled, nil, .ignored),
        (.circuitOpen, nil, .ignored),
        (.authentication, 401, .success),
        (.decoding, 200, .success),
    ] as [(HFError.Category, Int?, CircuitBreaker.Outcome)])
    func classification(_ category: HFError.Category, _ status: Int?, _ expected: CircuitBreaker.Outcome) {
        #expect(CircuitBreaker.Outcome.serverSide(Self.error(category, status: status)) == expected)
    }

    @Test("errors that are not HFErrors: transport errors by their kind, cancellation ignored, anything else a failure")
    func classificationOfOtherErrors() {
        struct Unknown: Error {}
        #expect(CircuitBreaker.Outcome.serverSide(HTTPTransportError(.connectionLost, "lost")) == .failure)
        #expect(CircuitBreaker.Outcome.serverSide(HTTPTransportError(.cancelled, "cancelled")) == .ignored)
        #expect(CircuitBreaker.Outcome.serverSide(CancellationError()) == .ignored)
        #expect(CircuitBreaker.Outcome.serverSide(Unknown()) == .failure)
    }

    @Test("a custom classification decides what counts")
    func customClassification() async throws {
        let breaker = try CircuitBreaker(Configuration(consecutiveFailures: 1, classify: { ($0 as? HFError)?.category == .rateLimited ? .failure : .ignored }), clock: ManualClock())
        let permit = try await breaker.acquire()
        await breaker.record(permit, error: Self.error(.api, status: 500))
        #expect(await breaker.state == .closed)
        let next = try await breaker.acquire()
        await breaker.record(next, error: Self.error(.rateLimited, status: 429))
        #expect(await breaker.state == .open)
    }

    @Test("settings under which the breaker could never open or close are refused", arguments: [
        Configuration(consecutiveFailures: nil),
        Configuration(consecutiveFailures: 0),
        Configuration(failureRate: .init(threshold: 0, window: .calls(10), minimumCalls: 5)),
        Configuration(failureRate: .init(threshold: 1.5, window: .calls(10), minimumCalls: 5)),
        Configuration(failureRate: .init(threshold: 0.5, window: .calls(4), minimumCalls: 5)),
        Configuration(failureRate: .init(threshold: 0.5, window: .duration(.zero), minimumCalls: 5)),
        Configuration(openDuration: .seconds(-1)),
        Configuration(halfOpenProbes: 0),
        Configuration(successesToClose: 0),
    ])
    func invalidConfiguration(_ configuration: Configuration) {
        let error = #expect(throws: HFError.self) { try CircuitBreaker(configuration) }
        #expect(error?.category == .validation)
        #expect(error?.field != nil)
    }

    @Test("every observer gets every change; a stream ends when the breaker goes away")
    func observers() async throws {
        var breaker: CircuitBreaker? = try CircuitBreaker(Configuration(consecutiveFailures: 1), clock: ManualClock())
        let first = try #require(breaker).changes()
        let second = try #require(breaker).changes()
        try await Self.call(try #require(breaker), .failure)
        breaker = nil
        var seen: [[String]] = []
        for stream in [first, second] {
            var changes: [String] = []
            for await change in stream { changes.append(change.description) }
            seen.append(changes)
        }
        #expect(seen == [["closed → open"], ["closed → open"]])
    }
}
