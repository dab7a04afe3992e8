import Foundation
import HFEmbeddings
import HFInference
import HFReplay
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The production middleware installed together, as a service would install it: each must see
/// what the others did (a cache answer, a Hub outage, a breaker's refusal, a limiter's wait).
@Suite("Production middleware together")
struct CompositionTests {
    static let question = FailoverReplayTests.question

    /// Metrics, failover across together and hf-inference, per-provider breakers, a limiter and a
    /// cache, in that order, on one manual clock.
    struct Stack {
        let clock = ManualClock()
        let recorder: MetricsRecorder
        let pool: FailoverPool
        let breakers: CircuitBreakerMiddleware
        let limiter: RateLimiter
        let cache = ResponseCache()
        let client: HFClient

        init(_ server: ReplayServer, coolDown: Duration = .seconds(30)) throws {
            recorder = MetricsRecorder(clock: clock)
            pool = FailoverPool(providers: [.together, .hfInference], coolDown: coolDown, clock: clock)
            breakers = try CircuitBreakerMiddleware(perProvider: .init(consecutiveFailures: 1, openDuration: .seconds(60)), clock: clock)
            limiter = try RateLimiter(limits: [.perMinute(10)], clock: clock)
            client = HFClient.replaying(server, middleware: [
                MetricsMiddleware(recorder: recorder), FailoverMiddleware(pool: pool), breakers,
                RateLimiterMiddleware(limiter), CacheMiddleware(cache: cache),
            ])
        }
    }

    static func posts(_ server: ReplayServer) -> [String] {
        server.requests.filter { $0.method == "POST" }.map(\.path)
    }

    @Test("a provider whose breaker is open is skipped by failover without a request or a token; a Hub look-up takes no token of its own")
    func openBreakerFailsOver() async throws {
        let server = try FailoverReplayTests.providerServer(togetherPlans: [.status(503)])
        let stack = try Stack(server, coolDown: .zero)

        _ = try await stack.client.inference.chat(Self.question, via: .provider(.together))
        #expect(await stack.breakers.breaker(for: .together).state == .open)
        // The limiter sits after failover, so each endpoint tried takes a token: together's
        // attempt (its Hub look-up not charged again) and hf-inference's.
        #expect(await stack.limiter.available == [8])

        // together's cool-down is over at once, but its breaker is open: failover moves on, and
        // together is not asked.
        let second = try await stack.client.inference.chat(Self.question, via: .provider(.together))
        #expect(second.text?.isEmpty == false)
        #expect(Self.posts(server) == [FailoverReplayTests.togetherPath, FailoverReplayTests.hfInferencePath, FailoverReplayTests.hfInferencePath])
        // The open breaker refused together before the limiter: only hf-inference took a token.
        #expect(await stack.limiter.available == [7])
        #expect(stack.recorder.snapshot().summary(for: .chat).requests == 2)
    }

    @Test("a Hub outage opens no provider's breaker and sidelines no provider; the call still succeeds elsewhere")
    func hubOutage() async throws {
        let together = try RecordedCase.load(FailoverReplayTests.togetherChat)
        let server = try ReplayServer()
        server.serve(together.interactions[0], plan: .status(502))
        let reply = try #require(try RecordedCase.load(FailoverReplayTests.hfInferenceChat).interactions.first { $0.request.method == "POST" })
        server.serve(reply, at: Route(method: "POST", host: "router.huggingface.co", path: FailoverReplayTests.hfInferencePath))
        let stack = try Stack(server)

        let answer = try await stack.client.inference.chat(Self.question, via: .provider(.together))

        #expect(answer.text?.isEmpty == false)
        #expect(await stack.breakers.breaker(for: .together).state == .closed)
        #expect(await stack.pool.isHealthy(.provider(.together)))
        #expect(Self.posts(server) == [FailoverReplayTests.hfInferencePath])
    }

    @Test("an answer from the cache neither closes a half-open breaker nor counts for the endpoint")
    func cacheAnswersDoNotCount() async throws {
        let server = try Recorded.embeddingsServer()
        let clock = ManualClock()
        let breaker = try CircuitBreaker(.init(consecutiveFailures: 1, openDuration: .seconds(10)), clock: clock)
        let cache = ResponseCache(clock: clock)
        let client = HFClient.replaying(server, middleware: [CircuitBreakerMiddleware(breaker), CacheMiddleware(cache: cache)])
        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        // A failure opens it; after the open time it is half-open and waits for a real probe.
        let permit = try await breaker.acquire()
        await breaker.record(permit, .failure)
        clock.advance(by: .seconds(10))
        #expect(await breaker.state == .halfOpen)

        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)

        #expect(server.requests.count == 1)
        #expect(cache.statistics.hits == 1)
        #expect(await breaker.state == .halfOpen)
    }

    @Test("a limiter's wait is given back to the call: it does not become a timeout")
    func limiterWaitIsNotATimeout() async throws {
        let server = try Recorded.embeddingsServer()
        // The system clock: the call's deadline is real time. The second call waits about a
        // second for its token, four times its request timeout.
        let limiter = try RateLimiter(limits: [.perSecond(1)])
        let client = HFClient.replaying(server, middleware: [RateLimiterMiddleware(limiter)]) { $0.requestTimeout = .milliseconds(250) }
        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)

        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)

        #expect(server.requests.count == 2)
    }
}
