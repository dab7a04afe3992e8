import HFInference
import HFReplay
import HFTestSupport
import Testing

@testable import HFEnterprise

/// `CircuitBreakerMiddleware` on a client against recorded chat replies, with 503s injected as
/// status-only faults on top of them.
@Suite("Circuit breaker: middleware over recorded traffic")
struct CircuitBreakerReplayTests {
    static let hfInferenceCase = "TestInferenceClient.test_chat_completion_no_stream_hf-inference_conversational"
    static let togetherCase = "TestInferenceClient.test_chat_completion_no_stream_together_conversational"
    static let request = ChatCompletionRequest(model: "meta-llama/Llama-3.1-8B-Instruct", messages: [.user("Hi")])

    /// The recorded hf-inference chat reply, and a server answering it with `plans` in turn (a
    /// `nil` plan: as recorded).
    static func server(_ plans: [ResponsePlan?]) throws -> (ReplayServer, RecordedInteraction) {
        let chat = try #require(try RecordedCase.load(hfInferenceCase).inferenceInteraction)
        let server = try ReplayServer()
        for plan in plans { server.serve(chat, plan: plan) }
        return (server, chat)
    }

    static let unavailable = ResponsePlan.status(503, body: .empty)

    /// One chat call: the reply's text, or the error's category (with its status).
    static func outcome(_ client: HFClient) async -> String {
        do {
            return try await client.inference.chat(request, via: .provider(.hfInference)).text == nil ? "empty" : "ok"
        } catch let error as HFError {
            return error.status.map { "\($0)" } ?? error.category.name
        } catch {
            return "\(error)"
        }
    }

    @Test("an open breaker sends nothing and fails with a typed error; after the open time a probe goes through and closes it")
    func openSendsNothing() async throws {
        let (server, chat) = try Self.server([Self.unavailable, Self.unavailable, nil])
        let clock = ManualClock()
        let breaker = try CircuitBreaker(.init(consecutiveFailures: 2, openDuration: .seconds(30)), clock: clock)
        let client = HFClient.replaying(server, middleware: [CircuitBreakerMiddleware(breaker)])

        #expect(await Self.outcome(client) == "503")
        #expect(await Self.outcome(client) == "503")
        clock.advance(by: .seconds(12))
        let refused = await #expect(throws: HFError.self) { try await client.inference.chat(Self.request, via: .provider(.hfInference)) }
        #expect(refused?.category == .circuitOpen)
        #expect(refused?.retryAfter == .seconds(18))
        #expect(refused?.provider == .hfInference)
        #expect(server.requests.count == 2)

        clock.advance(by: .seconds(18))
        let reply = try await client.inference.chat(Self.request, via: .provider(.hfInference))
        #expect(reply.id == (try chat.response.jsonBody())["id"]?.stringValue)
        #expect(server.requests.count == 3)
        #expect(await breaker.state == .closed)
    }

    @Test("a flapping endpoint (recorded success, 503, success, …) trips on its failure rate and recovers through a probe, again and again")
    func flapping() async throws {
        let (server, _) = try Self.server((0..<40).map { $0.isMultiple(of: 2) ? nil : Self.unavailable })
        let clock = ManualClock()
        let rate = CircuitBreaker.FailureRate(threshold: 0.5, window: .calls(4), minimumCalls: 4)
        let breaker = try CircuitBreaker(.init(consecutiveFailures: nil, failureRate: rate, openDuration: .seconds(5)), clock: clock)
        let changes = breaker.changes()
        let client = HFClient.replaying(server, middleware: [CircuitBreakerMiddleware(breaker)])

        var outcomes: [String] = []
        for _ in 0..<30 {
            outcomes.append(await Self.outcome(client))
            clock.advance(by: .seconds(1))
        }

        // Two of four calls fail → open for 5 s (4 calls fail fast) → the probe succeeds → closed.
        let open = Array(repeating: "circuitOpen", count: 4)
        let cycle = ["ok", "503", "ok", "503"] + open + ["ok"]
        let restart = ["503", "ok", "503", "ok", "503"] + open + ["ok"]
        #expect(outcomes == cycle + restart + restart + ["503"])
        #expect(server.requests.count == 18)
        #expect(outcomes.filter { $0 == "circuitOpen" }.count == 12)
        let transitions = await CircuitBreakerTests.first(9, of: changes)
        #expect(transitions.map(\.description) == Array(repeating: ["closed → open", "open → halfOpen", "halfOpen → closed"], count: 3).flatMap { $0 })
        #expect(await breaker.state == .closed)
    }

    @Test("one breaker per provider: together's 503s open its breaker; hf-inference calls still go through")
    func perProvider() async throws {
        let together = try RecordedCase.load(Self.togetherCase)
        let togetherChat = try #require(together.inferenceInteraction)
        let (server, _) = try Self.server([nil])
        for interaction in together.interactions where interaction.request.method == "GET" { server.serve(interaction) }
        server.serve(togetherChat, plan: Self.unavailable)
        let breakers = try CircuitBreakerMiddleware(perProvider: .init(consecutiveFailures: 2), clock: ManualClock())
        let client = HFClient.replaying(server, middleware: [breakers])
        let viaTogether = ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")])

        for _ in 0..<2 {
            let error = await #expect(throws: HFError.self) { try await client.inference.chat(viaTogether, via: .provider(.together)) }
            #expect(error?.status == 503)
        }
        let sentBefore = server.requests.count
        let refused = await #expect(throws: HFError.self) { try await client.inference.chat(viaTogether, via: .provider(.together)) }
        #expect(refused?.category == .circuitOpen)
        #expect(refused?.provider == .together)
        #expect(server.requests.count == sentBefore)

        #expect(await Self.outcome(client) == "ok")
        #expect(await breakers.breaker(for: .together).state == .open)
        #expect(await breakers.breaker(for: .hfInference).state == .closed)
    }

    @Test("a shared breaker half-open with one probe: the probe's own Hub look-up is not refused")
    func nestedOperationPassesThrough() async throws {
        let together = try RecordedCase.load(Self.togetherCase)
        let server = try ReplayServer()
        let chat = try #require(together.inferenceInteraction)
        for interaction in together.interactions where interaction.request.method == "GET" { server.serve(interaction) }
        server.serve(chat)
        let clock = ManualClock()
        let breaker = try CircuitBreaker(.init(consecutiveFailures: 1, openDuration: .seconds(1)), clock: clock)
        let permit = try await breaker.acquire()
        await breaker.record(permit, .failure)
        clock.advance(by: .seconds(1))
        let client = HFClient.replaying(server, middleware: [CircuitBreakerMiddleware(breaker)])

        _ = try await client.inference.chat(ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")]), via: .provider(.together))

        #expect(server.requests.map(\.method) == ["GET", "POST"])
        #expect(await breaker.state == .closed)
    }
}
