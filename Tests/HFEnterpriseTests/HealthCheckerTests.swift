import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The health checker's verdicts, timeouts and lifecycle on a manual clock, and its HTTP probe
/// against a slow-drip replay server.
@Suite("Health checker")
struct HealthCheckerTests {
    static let a = FailoverEndpoint.baseURL(URL(string: "https://tgi-a.internal")!)
    static let b = FailoverEndpoint.baseURL(URL(string: "https://tgi-b.internal")!)

    /// Waits (without deciding anything) until `condition` holds; fails the test if it never does.
    static func eventually(_ condition: () async -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async {
        for _ in 0..<20_000 {
            if await condition() { return }
            await Task.yield()
            try? await Task.sleep(for: .milliseconds(1))
        }
        Issue.record("the condition never held", sourceLocation: sourceLocation)
    }

    @Test("N failed probes in a row make an endpoint unhealthy, M good ones healthy again; the snapshot, the changes and the pool follow")
    func thresholds() async throws {
        let script = LockedState<[Bool]>([false, false, false, true, false, true, true])
        let probe: HealthChecker.Probe = { endpoint in
            guard endpoint == Self.a else { return }
            let healthy = script.withLock { $0.removeFirst() }
            if !healthy { throw HFError(category: .api, message: "down") }
        }
        let clock = ManualClock()
        let pool = FailoverPool(baseURLs: [try #require(Self.a.baseURL), try #require(Self.b.baseURL)], clock: clock)
        let checker = HealthChecker(pool: pool, unhealthyAfter: 3, healthyAfter: 2, probe: probe)
        var changes = checker.changes().makeAsyncIterator()

        var verdicts: [Bool] = []
        var poolVerdicts: [Bool] = []
        for _ in 0..<7 {
            clock.advance(by: .seconds(30))
            await checker.checkNow()
            verdicts.append(await checker.status()[0].isHealthy)
            poolVerdicts.append(await pool.isHealthy(Self.a))
        }
        #expect(verdicts == [true, true, false, false, false, false, true])
        #expect(poolVerdicts == verdicts)

        let down = try #require(await changes.next())
        #expect(down.endpoint == Self.a && !down.isHealthy && down.error?.message == "down")
        let up = try #require(await changes.next())
        #expect(up.endpoint == Self.a && up.isHealthy && up.error == nil && up.at == clock.now)
        let status = await checker.status()
        #expect(status.map(\.endpoint) == [Self.a, Self.b])
        #expect(status[0].consecutiveSuccesses == 2 && status[0].consecutiveFailures == 0 && status[0].lastChecked == clock.now)
        #expect(status[1].isHealthy && status[1].consecutiveSuccesses == 7 && status[1].lastError == nil)
    }

    @Test("a probe with no answer within the timeout is cancelled and counts as failed")
    func timeout() async throws {
        let cancelled = LockedState(false)
        let clock = ManualClock()
        let checker = HealthChecker(endpoints: [Self.a], timeout: .seconds(5), unhealthyAfter: 1, clock: clock) { _ in
            do {
                try await Task.sleep(for: .seconds(86_400))   // no answer; ends when cancelled
            } catch {
                cancelled.withLock { $0 = true }
                throw error
            }
        }
        let round = Task { await checker.checkNow() }
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(4_999))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(1))
        await round.value

        let status = try #require(await checker.status().only)
        #expect(!status.isHealthy)
        #expect(status.lastError?.category == .timeout)
        #expect(status.lastError?.message.contains("within 5s") == true)
        #expect(cancelled.withLock { $0 })
        #expect(clock.sleeperCount == 0)
    }

    @Test("nothing runs before start; a round at once, then one per interval; stop cancels the in-flight probe and leaves nothing running")
    func lifecycle() async throws {
        let calls = LockedState(0)
        let cancelled = LockedState(false)
        let clock = ManualClock()
        let checker = HealthChecker(endpoints: [Self.a], interval: .seconds(10), timeout: .seconds(2), clock: clock) { _ in
            let call = calls.withLock { count -> Int in
                count += 1
                return count
            }
            guard call == 3 else { return }
            do {
                try await Task.sleep(for: .seconds(86_400))
            } catch {
                cancelled.withLock { $0 = true }
                throw error
            }
        }
        clock.advance(by: .seconds(60))
        #expect(calls.withLock { $0 } == 0)
        #expect(await !checker.isRunning)

        await checker.start()
        await checker.start()   // already running: no second loop
        await Self.eventually { await checker.status()[0].consecutiveSuccesses == 1 }
        await clock.waitForSleepers(1)   // the round ended: this is the wait for the next one
        clock.advance(by: .seconds(10))
        await Self.eventually { await checker.status()[0].consecutiveSuccesses == 2 }
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(10))
        await Self.eventually { calls.withLock { $0 } == 3 }   // the third probe hangs

        await checker.stop()
        #expect(await !checker.isRunning)
        #expect(cancelled.withLock { $0 })
        #expect(clock.sleeperCount == 0)
        let status = try #require(await checker.status().only)
        #expect(status.consecutiveSuccesses == 2 && status.consecutiveFailures == 0)   // the cancelled round counts for nothing
        clock.advance(by: .seconds(600))
        #expect(calls.withLock { $0 } == 3)

        await checker.start()
        await Self.eventually { await checker.status()[0].consecutiveSuccesses == 3 }
        await checker.stop()
        #expect(calls.withLock { $0 } == 4)
        #expect(clock.sleeperCount == 0)
    }

    // MARK: Over the replay server

    static let slowHost = "tgi-a.internal"
    static let fastHost = "tgi-b.internal"

    @Test("a slow-drip server: the HTTP probe times out on the manual clock, the transfer is cancelled, the pool skips the endpoint until a probe gets a 2xx", arguments: [
        ResponsePlan(delayBeforeHead: .seconds(120)),
        ResponsePlan(chunking: .fixed(bytes: 64), delayBetweenChunks: .seconds(120)),
    ])
    func slowDrip(_ plan: ResponsePlan) async throws {
        // A real recorded 200 (the Hub's model info), served as the health route's answer.
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_together_conversational").interactions[0]
        let server = try ReplayServer()
        let slowRule = server.serve(recorded, at: Route(method: "GET", host: Self.slowHost, path: "/health"), plan: plan)
        let (slow, fast) = (FailoverEndpoint.baseURL(server.url(forHost: Self.slowHost)), FailoverEndpoint.baseURL(server.url(forHost: Self.fastHost)))
        let clock = ManualClock()
        let pool = FailoverPool(baseURLs: [server.url(forHost: Self.slowHost), server.url(forHost: Self.fastHost)], clock: clock)
        // The probes go through a client that fails over between the same endpoints: a probe is never moved.
        let client = HFClient.replaying(server, middleware: [FailoverMiddleware(pool: pool)])
        let checker = HealthChecker(
            endpoints: [slow], timeout: .seconds(5), unhealthyAfter: 1, healthyAfter: 1, feeding: pool, clock: clock,
            probe: HealthChecker.httpGET("/health", through: client)
        )

        let started = ContinuousClock.now
        let round = Task { await checker.checkNow() }
        #expect(await server.waitForRequests(count: 1, timeout: .seconds(30)))
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(5))
        await round.value
        let elapsed = ContinuousClock.now - started

        let status = try #require(await checker.status().only)
        #expect(!status.isHealthy && status.lastError?.category == .timeout)
        #expect(await server.waitForDisconnect(count: 1, timeout: .seconds(30)))
        #expect(await pool.choose() == fast)
        print("failover figures: slow drip \(plan.delayBeforeHead > .zero ? "before head" : "between chunks"): unhealthy after 1 probe, 5 s on the manual clock, \(elapsed) real")

        server.setPlan(ResponsePlan(), forRuleAt: slowRule)
        await checker.checkNow()
        #expect(try #require(await checker.status().only).isHealthy)
        #expect(await pool.choose() == slow)

        server.setPlan(.status(503), forRuleAt: slowRule)
        await checker.checkNow()
        #expect(try #require(await checker.status().only).lastError?.status == 503)
        #expect(server.requests.map(\.host) == [Self.slowHost, Self.slowHost, Self.slowHost])
        #expect(server.requests.allSatisfy { $0.path == "/health" && $0.method == "GET" })
    }
}
