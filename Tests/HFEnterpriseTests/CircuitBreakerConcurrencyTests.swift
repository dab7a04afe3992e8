import HFTestSupport
import Testing

@testable import HFEnterprise

/// Many callers at once on a half-open breaker: the probe limit holds.
@Suite("Circuit breaker: concurrency")
struct CircuitBreakerConcurrencyTests {
    /// Holds the admitted probes inside their call until the test opens it.
    actor Gate {
        private var isOpen = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func wait() async {
            if isOpen { return }
            await withCheckedContinuation { waiting.append($0) }
        }

        func open() {
            isOpen = true
            for continuation in waiting { continuation.resume() }
            waiting = []
        }
    }

    struct Tally {
        var inFlight = 0
        var mostInFlight = 0
        var admitted = 0
        var refused = 0
    }

    static let callers = 1_000

    /// Trips a breaker with `probes` probe places, lets its open time pass, then starts
    /// ``callers`` calls at once whose operations wait at `gate`, the first `failing` of them then
    /// failing. Returns once every caller was admitted or refused.
    static func probeRound(probes: Int, failing: Int) async throws -> (CircuitBreaker, Tally, [Task<Void, Never>], Gate) {
        let clock = ManualClock()
        let breaker = try CircuitBreaker(.init(consecutiveFailures: 1, openDuration: .seconds(10), halfOpenProbes: probes, successesToClose: probes), clock: clock)
        let permit = try await breaker.acquire()
        await breaker.record(permit, .failure)
        clock.advance(by: .seconds(10))

        let gate = Gate()
        let tally = LockedState(Tally())
        let tasks = (0..<callers).map { _ in
            Task {
                do {
                    try await breaker.run {
                        let order = tally.withLock { tally -> Int in
                            tally.admitted += 1
                            tally.inFlight += 1
                            tally.mostInFlight = max(tally.mostInFlight, tally.inFlight)
                            return tally.admitted
                        }
                        await gate.wait()
                        tally.withLock { $0.inFlight -= 1 }
                        if order <= failing { throw HFError(category: .modelUnavailable, message: "probe failed") }
                    }
                } catch let error as HFError where error.category == .circuitOpen {
                    tally.withLock { $0.refused += 1 }
                } catch {}
            }
        }
        while tally.withLock({ $0.admitted + $0.refused }) < callers { await Task.yield() }
        return (breaker, tally.withLock { $0 }, tasks, gate)
    }

    @Test("1,000 callers at once on a half-open breaker: exactly the configured probes run, then it closes")
    func probesNeverExceeded() async throws {
        let (breaker, tally, tasks, gate) = try await Self.probeRound(probes: 3, failing: 0)
        let changes = breaker.changes()
        #expect(tally.admitted == 3)
        #expect(tally.mostInFlight == 3)
        #expect(tally.refused == Self.callers - 3)
        #expect(await breaker.state == .halfOpen)

        await gate.open()
        for task in tasks { await task.value }
        #expect(await breaker.state == .closed)
        #expect(await CircuitBreakerTests.first(1, of: changes).map(\.description) == ["halfOpen → closed"])
    }

    @Test("1,000 callers at once, one probe fails: it re-opens, and the round's other successes do not close it")
    func failingProbeAmongMany() async throws {
        let (breaker, tally, tasks, gate) = try await Self.probeRound(probes: 4, failing: 1)
        #expect(tally.admitted == 4)
        #expect(tally.mostInFlight == 4)
        await gate.open()
        for task in tasks { await task.value }
        #expect(await breaker.state == .open)
        let refused = await #expect(throws: HFError.self) { try await breaker.acquire() }
        #expect(refused?.retryAfter == .seconds(10))
    }

    @Test("999 concurrent failures on a closed breaker: each counted once, so the 1,000th opens it")
    func closedUnderLoad() async throws {
        let breaker = try CircuitBreaker(.init(consecutiveFailures: Self.callers), clock: ManualClock())
        await withTaskGroup(of: Void.self) { group in
            for _ in 1..<Self.callers {
                group.addTask {
                    _ = try? await breaker.run { throw HFError(category: .network, message: "down") }
                }
            }
        }
        #expect(await breaker.state == .closed)
        try await CircuitBreakerTests.call(breaker, .failure)
        #expect(await breaker.state == .open)
    }
}
