import Foundation
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The pool's state machine on a manual clock: each strategy's order, cool-downs, recovery, the
/// health checker's verdicts, and what counts as the endpoint's fault.
@Suite("Failover pool")
struct FailoverPoolTests {
    static let a = FailoverEndpoint.provider(.together)
    static let b = FailoverEndpoint.provider(.fireworksAI)
    static let c = FailoverEndpoint.provider(.hfInference)

    static func pool(_ strategy: FailoverStrategy, clock: ManualClock = ManualClock()) -> FailoverPool {
        FailoverPool(providers: [.together, .fireworksAI, .hfInference, .together], strategy: strategy, coolDown: .seconds(30), clock: clock)
    }

    static func firstChoices(_ pool: FailoverPool, _ count: Int) async -> [FailoverEndpoint] {
        var chosen: [FailoverEndpoint] = []
        for _ in 0..<count { chosen.append(await pool.choose()) }
        return chosen
    }

    @Test("priority: the first healthy endpoint in order; a call goes on down the list, each once")
    func priority() async {
        let pool = Self.pool(.priority)
        #expect(pool.endpoints == [Self.a, Self.b, Self.c])
        #expect(await Self.firstChoices(pool, 3) == [Self.a, Self.a, Self.a])
        #expect(await pool.choose(after: [Self.a]) == Self.b)
        #expect(await pool.choose(after: [Self.a, Self.b]) == Self.c)
        #expect(await pool.choose(after: [Self.a, Self.b, Self.c]) == nil)
        await pool.recordFailure(Self.a)
        #expect(await Self.firstChoices(pool, 2) == [Self.b, Self.b])
    }

    @Test("round-robin: each call starts after the previous call's endpoint, skipping unhealthy ones; a call continues the rotation")
    func roundRobin() async {
        let pool = Self.pool(.roundRobin)
        #expect(await Self.firstChoices(pool, 6) == [Self.a, Self.b, Self.c, Self.a, Self.b, Self.c])
        #expect(await pool.choose(after: [Self.b]) == Self.c)
        #expect(await pool.choose(after: [Self.b, Self.c]) == Self.a)
        await pool.recordFailure(Self.b)
        #expect(await Self.firstChoices(pool, 4) == [Self.a, Self.c, Self.a, Self.c])
    }

    @Test("random: uniform draws among the healthy endpoints, from the injected generator")
    func random() async {
        let pool = Self.pool(.random(using: SplitMix64(seed: 42)))
        var reference = SplitMix64(seed: 42)
        let all = [Self.a, Self.b, Self.c]
        let expected = (0..<12).map { _ in all[Int.random(in: 0..<3, using: &reference)] }
        #expect(await Self.firstChoices(pool, 12) == expected)

        await pool.recordFailure(Self.b)
        let healthy = [Self.a, Self.c]
        let expectedWithoutB = (0..<12).map { _ in healthy[Int.random(in: 0..<2, using: &reference)] }
        #expect(await Self.firstChoices(pool, 12) == expectedWithoutB)

        let draws = await Self.firstChoices(Self.pool(.random(using: SplitMix64(seed: 7))), 3000)
        for endpoint in all {
            #expect((900...1100).contains(draws.filter { $0 == endpoint }.count), "\(endpoint)")
        }
    }

    @Test("sticky: the endpoint that last answered until it fails, then the next in order, which is kept")
    func sticky() async {
        let clock = ManualClock()
        let pool = Self.pool(.sticky, clock: clock)
        #expect(await Self.firstChoices(pool, 2) == [Self.a, Self.a])
        await pool.recordSuccess(Self.b)
        #expect(await Self.firstChoices(pool, 3) == [Self.b, Self.b, Self.b])
        #expect(await pool.choose(after: [Self.b]) == Self.a)
        await pool.recordFailure(Self.b)
        #expect(await pool.choose() == Self.a)
        await pool.recordSuccess(Self.c)
        clock.advance(by: .seconds(31))   // b has recovered; c still answers, so c is kept
        #expect(await Self.firstChoices(pool, 2) == [Self.c, Self.c])
    }

    @Test("a failed endpoint is skipped for the cool-down, or the longer wait its answer asked for, then used again")
    func coolDown() async {
        let clock = ManualClock()
        let pool = Self.pool(.priority, clock: clock)
        let start = clock.now
        await pool.recordFailure(Self.a)
        #expect(await pool.status()[0] == FailoverPool.EndpointStatus(
            endpoint: Self.a, isHealthy: false, coolingUntil: start + .seconds(30), isDownPerHealthCheck: false, consecutiveFailures: 1
        ))
        clock.advance(by: .seconds(29))
        #expect(await pool.choose() == Self.b)
        clock.advance(by: .seconds(1))
        #expect(await pool.choose() == Self.a)
        #expect(await pool.isHealthy(Self.a))

        await pool.recordFailure(Self.a, retryAfter: .seconds(90))
        clock.advance(by: .seconds(89))
        #expect(await pool.choose() == Self.b)
        clock.advance(by: .seconds(1))
        #expect(await pool.choose() == Self.a)
        #expect(await pool.status()[0].consecutiveFailures == 2)
        await pool.recordSuccess(Self.a)
        #expect(await pool.status()[0].consecutiveFailures == 0)
    }

    @Test("every endpoint unhealthy: a new call still gets the one that recovers soonest; one a health check found down comes last")
    func allUnhealthy() async {
        let clock = ManualClock()
        let pool = Self.pool(.priority, clock: clock)
        await pool.recordFailure(Self.b)
        clock.advance(by: .seconds(5))
        await pool.recordFailure(Self.a)
        clock.advance(by: .seconds(5))
        await pool.recordFailure(Self.c)
        #expect(await pool.choose() == Self.b)
        #expect(await pool.choose(after: [Self.b]) == nil)

        await pool.updateFromHealthCheck(Self.b, isHealthy: false)
        #expect(await pool.choose() == Self.a)
        clock.advance(by: .seconds(60))   // every cool-down is over; b stays down until the check says it is up
        #expect(await Self.firstChoices(pool, 2) == [Self.a, Self.a])
        #expect(await pool.choose(after: [Self.a, Self.c]) == nil)
        await pool.recordFailure(Self.a)
        await pool.recordFailure(Self.c)
        await pool.updateFromHealthCheck(Self.b, isHealthy: true)
        #expect(await pool.choose() == Self.b)
        #expect(await pool.status().map(\.isHealthy) == [false, true, false])
    }

    @Test("what says the endpoint is at fault", arguments: [
        (HFError.Category.network, nil, true), (.timeout, nil, true), (.modelUnavailable, 503, true), (.rateLimited, 429, true),
        (.api, 500, true), (.api, 502, true), (.api, 404, false), (.api, nil, false), (.validation, nil, false),
        (.authentication, 401, false), (.decoding, 200, false), (.cancelled, nil, false), (.streamInterrupted, nil, false),
    ] as [(HFError.Category, Int?, Bool)])
    func endpointFault(_ category: HFError.Category, status: Int?, isFault: Bool) {
        var error = HFError(category: category, message: "test")
        error.status = status
        #expect((EndpointFault(error) != nil) == isFault)
        #expect(EndpointFault(CancellationError()) == nil)
        #expect(EndpointFault(HTTPTransportError(.connectionFailed, "refused")) != nil)
    }

    @Test("a 5xx or 429 answer is the endpoint's fault, with the wait it asked for; other statuses are not")
    func faultyResponses() {
        let retry = HTTPResponse(head: HTTPResponseHead(status: 429, headers: ["Retry-After": "120"]), body: Data())
        #expect(EndpointFault(retry)?.retryAfter == .seconds(120))
        #expect(EndpointFault(HTTPResponse(head: HTTPResponseHead(status: 503, headers: [:]), body: Data(#"{"error":"loading","estimated_time":45.0}"#.utf8)))?.retryAfter == .seconds(45))
        #expect(EndpointFault(HTTPResponse(head: HTTPResponseHead(status: 500, headers: [:]), body: Data())) != nil)
        for status in [200, 301, 400, 401, 404, 422] {
            #expect(EndpointFault(HTTPResponse(head: HTTPResponseHead(status: status, headers: [:]), body: Data())) == nil)
        }
    }

    @Test("a request to one mirror moves to another: scheme, host, port and path prefix swapped, the rest kept")
    func mirroredURLs() throws {
        let primary = try #require(URL(string: "https://tgi-a.example.com/serving/"))
        let mirror = try #require(URL(string: "http://10.0.0.2:8080/tgi"))
        let bases = [primary, mirror]
        let request = try #require(URL(string: "https://TGI-A.example.com:443/serving/v1/chat/completions?x=1%202"))
        #expect(MirroredURL.base(of: request, among: bases) == primary)
        #expect(MirroredURL.move(request, from: primary, to: mirror).absoluteString == "http://10.0.0.2:8080/tgi/v1/chat/completions?x=1%202")
        let back = try #require(URL(string: "http://10.0.0.2:8080/tgi/generate"))
        #expect(MirroredURL.base(of: back, among: bases) == mirror)
        #expect(MirroredURL.move(back, from: mirror, to: primary).absoluteString == "https://tgi-a.example.com/serving/generate")
        for other in ["https://tgi-a.example.com/servingx/v1", "https://tgi-a.example.com:8443/serving/v1", "http://tgi-a.example.com/serving/v1", "https://huggingface.co/api/models/x"] {
            #expect(MirroredURL.base(of: try #require(URL(string: other)), among: bases) == nil, "\(other)")
        }
    }
}
