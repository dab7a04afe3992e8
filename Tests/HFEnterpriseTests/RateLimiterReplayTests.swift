import HFInference
import HFReplay
import HFTestSupport
import Testing

@testable import HFEnterprise

/// `RateLimiterMiddleware` on a client against recorded chat replies.
@Suite("Rate limiter: middleware over recorded traffic")
struct RateLimiterReplayTests {
    @Test("the middleware holds calls until their tokens are there: the server sees only what the limit allows")
    func middlewareHoldsCalls() async throws {
        let (server, _) = try CircuitBreakerReplayTests.server([nil])
        let clock = ManualClock()
        let limiter = try RateLimiter(limits: [.perSecond(4)], clock: clock)
        // A chat costs 2 tokens: two calls at once, then one every half second.
        let middleware = RateLimiterMiddleware(limiter) { $0.operation == .chat ? 2 : 1 }
        let client = HFClient.replaying(server, middleware: [middleware])
        let calls = (0..<5).map { _ in
            Task { try await client.inference.chat(CircuitBreakerReplayTests.request, via: .provider(.hfInference)) }
        }

        for (waiting, sent) in [(3, 2), (2, 3), (1, 4), (0, 5)] {
            await RateLimiterTests.waitForWaiters(limiter, waiting)
            #expect(await server.waitForFinishedResponses(count: sent, timeout: .seconds(30)))
            #expect(server.requests.count == sent)
            if waiting > 0 {
                await clock.waitForSleepers(1)
                clock.advance(by: .milliseconds(500))
            }
        }
        for call in calls { #expect(try await call.value.text != nil) }
        #expect(await limiter.available == [0])
    }

    @Test("README: a client limited per second and per hour, behind one breaker per provider")
    func readme() async throws {
        let together = try RecordedCase.load(CircuitBreakerReplayTests.togetherCase)
        let server = try ReplayServer(case: together)
        let configuration = HFConfiguration.replaying(server)
        // README limits begins
        let limiter = try RateLimiter(limits: [.perSecond(5), .perHour(1_000)])
        let breakers = try CircuitBreakerMiddleware(perProvider: .init(consecutiveFailures: 5, openDuration: .seconds(30)))
        let client = HFClient(configuration: configuration, middleware: [RateLimiterMiddleware(limiter), breakers])
        do {
            print(try await client.inference.chat("What is deep learning?", model: .llama3_8BInstruct, via: .provider(.together)))
        } catch let error as HFError where error.category == .circuitOpen {
            print("together keeps failing: try again in \(error.retryAfter ?? .seconds(30))")   // nothing was sent
        }
        // README limits ends
        #expect(server.requests.map(\.method) == ["GET", "POST"])
        #expect(await breakers.breaker(for: .together).state == .closed)
    }
}
