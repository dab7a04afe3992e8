import Foundation
import HFInference
import HFReplay
import HFStreaming
import HFTestSupport
import Testing

@testable import HFEnterprise

/// `FailoverMiddleware` on recorded traffic served by the replay server, with faults (statuses,
/// resets) injected on top of the real recorded replies; time is a manual clock's.
@Suite("Failover over recorded traffic")
struct FailoverReplayTests {
    static let hfInferenceChat = "TestInferenceClient.test_chat_completion_no_stream_hf-inference_conversational"
    static let togetherChat = "TestInferenceClient.test_chat_completion_no_stream_together_conversational"
    static let hfInferenceStream = "TestInferenceClient.test_chat_completion_with_stream_hf-inference_conversational"
    static let togetherStream = "TestInferenceClient.test_chat_completion_with_stream_together_conversational"
    static let model: ModelID = "meta-llama/Meta-Llama-3-8B-Instruct"
    static let question = ChatCompletionRequest(model: "meta-llama/Meta-Llama-3-8B-Instruct", messages: [.user("What is deep learning?")])

    // MARK: Mirrors

    static let primary = "tgi-a.internal"
    static let mirror = "tgi-b.internal"

    /// Two mirrored chat servers: the primary alternates the recorded reply with a fault (a 503,
    /// a reset before the head, a reset 64 bytes into the body), one per request; the mirror
    /// always answers.
    ///
    /// The primary closes each connection after its answer: libcurl sends a request again by
    /// itself when a reused connection dies before any answer, which would hide a fault from the
    /// middleware (and spend the next rule).
    static func flappingServers(requests: Int) throws -> ReplayServer {
        let reply = try #require(try RecordedCase.load(hfInferenceChat).inferenceInteraction)
        let server = try ReplayServer()
        let faults: [ResponsePlan] = [.status(503), ResponsePlan(fault: .resetBeforeHead), .resetAfter(bytes: 64)]
        for index in 0..<requests {
            var plan = index.isMultiple(of: 2) ? ResponsePlan() : faults[(index / 2) % faults.count]
            plan.closeConnectionAfterResponse = true
            server.serve(reply, at: chatRoute(primary), plan: plan)
        }
        server.serve(reply, at: chatRoute(mirror))
        return server
    }

    static func chatRoute(_ host: String) -> Route {
        Route(method: "POST", host: host, path: "/v1/chat/completions")
    }

    /// Whether the primary's rule that answered `request` injected a fault.
    static func isFault(_ request: ReceivedRequest) -> Bool {
        request.host == primary && (request.ruleIndex ?? 0) % 2 == 1
    }

    @Test("a flapping mirror behind failover: every call succeeds; the primary is skipped for its cool-down after each fault")
    func flappingMirror() async throws {
        let calls = 30
        let server = try Self.flappingServers(requests: calls)
        let (primary, mirror) = (server.url(forHost: Self.primary), server.url(forHost: Self.mirror))
        let clock = ManualClock()
        let pool = FailoverPool(baseURLs: [primary, mirror], coolDown: .seconds(10), clock: clock)
        let client = HFClient.replaying(server, middleware: [FailoverMiddleware(pool: pool)])

        var answered = 0
        for _ in 0..<calls {
            let completion = try? await client.inference.chat(Self.question, via: .endpoint(primary))
            if completion?.text?.isEmpty == false { answered += 1 }
            clock.advance(by: .seconds(4))
        }

        // One call in four meets a fault at the primary and moves to the mirror; the next two
        // go to the mirror while the primary cools down (10 s, calls 4 s apart).
        let requests = server.requests
        let toPrimary = requests.filter { $0.host == Self.primary }
        #expect(answered == calls)
        #expect(toPrimary.count == 16)
        #expect(toPrimary.filter(Self.isFault).count == 8)
        #expect(requests.filter { $0.host == Self.mirror }.count == 22)
        #expect(requests.allSatisfy { $0.path == "/v1/chat/completions" })

        // The same calls on the primary alone: only the recorded replies get through.
        let alone = try Self.flappingServers(requests: calls)
        let direct = HFClient.replaying(alone)
        var answeredAlone = 0
        for _ in 0..<calls {
            if (try? await direct.inference.chat(Self.question, via: .endpoint(alone.url(forHost: Self.primary)))) != nil { answeredAlone += 1 }
        }
        #expect(answeredAlone == 15)
        print("failover figures: flapping mirror, \(calls) sequential calls: \(answered) answered with failover (\(toPrimary.count) to the primary, \(toPrimary.filter(Self.isFault).count) faults met), \(answeredAlone) without")
    }

    @Test("a flapping mirror behind failover, 40 concurrent calls: every one succeeds, one extra request per fault met")
    func flappingMirrorConcurrent() async throws {
        let calls = 40
        let server = try Self.flappingServers(requests: calls)
        let (primary, mirror) = (server.url(forHost: Self.primary), server.url(forHost: Self.mirror))
        let pool = FailoverPool(baseURLs: [primary, mirror], strategy: .roundRobin, coolDown: .seconds(10), clock: ManualClock())
        let client = HFClient.replaying(server, middleware: [FailoverMiddleware(pool: pool)])

        let answered = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<calls {
                group.addTask { (try? await client.inference.chat(Self.question, via: .endpoint(primary)))?.text?.isEmpty == false }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }

        let faults = server.requests.filter(Self.isFault).count
        #expect(answered == calls)
        #expect(faults >= 1)
        #expect(server.requests.count == calls + faults)
        print("failover figures: flapping mirror, \(calls) concurrent calls: \(answered) answered, \(faults) faults met, \(server.requests.count) requests")
    }

    // MARK: Providers

    /// The Hub's mapping and together's chat reply as recorded, together's first answer turned
    /// into `plan`; hf-inference's recorded chat reply on its route for the same model.
    static func providerServer(togetherPlans: [ResponsePlan?], togetherCase: String = togetherChat, hfInferenceCase: String = hfInferenceChat) throws -> ReplayServer {
        let together = try RecordedCase.load(togetherCase)
        let server = try ReplayServer()
        server.serve(together.interactions[0])
        for plan in togetherPlans { server.serve(together.interactions[1], plan: plan) }
        // Recorded for meta-llama/Llama-3.1-8B-Instruct; served on the route of the model asked for.
        let reply = try #require(try RecordedCase.load(hfInferenceCase).inferenceInteraction)
        server.serve(reply, at: Route(method: "POST", host: "router.huggingface.co", path: "/hf-inference/models/\(model)/v1/chat/completions"))
        return server
    }

    static func posts(_ server: ReplayServer) -> [String] {
        server.requests.filter { $0.method == "POST" }.map(\.path)
    }

    static let togetherPath = "/together/v1/chat/completions"
    static let hfInferencePath = "/hf-inference/models/meta-llama/Meta-Llama-3-8B-Instruct/v1/chat/completions"

    @Test("chat: a provider answering 503 moves the call to the next provider, resolved anew; it is skipped until its cool-down ends")
    func providerFailover() async throws {
        let server = try Self.providerServer(togetherPlans: [.status(503), nil])
        let clock = ManualClock()
        let pool = FailoverPool(providers: [.together, .hfInference], coolDown: .seconds(30), clock: clock)
        let client = HFClient.replaying(server, middleware: [FailoverMiddleware(pool: pool)])

        let first = try await client.inference.chat(Self.question, via: .provider(.together))
        #expect(first.model == "meta-llama/Llama-3.1-8B-Instruct")   // hf-inference's reply
        #expect(Self.posts(server) == [Self.togetherPath, Self.hfInferencePath])
        let sent = server.requests.filter { $0.method == "POST" }
        #expect(try sent[0].jsonObject()["model"] as? String == "meta-llama/Meta-Llama-3-8B-Instruct-Turbo")
        #expect(try sent[1].jsonObject()["model"] as? String == "meta-llama/Meta-Llama-3-8B-Instruct")

        clock.advance(by: .seconds(29))
        _ = try await client.inference.chat(Self.question, via: .provider(.together))
        #expect(Self.posts(server).count == 3 && Self.posts(server).last == Self.hfInferencePath)

        clock.advance(by: .seconds(1))
        let recovered = try await client.inference.chat(Self.question, via: .provider(.together))
        #expect(recovered.model == "meta-llama/Meta-Llama-3-8B-Instruct-Turbo")
        #expect(Self.posts(server) == [Self.togetherPath, Self.hfInferencePath, Self.hfInferencePath, Self.togetherPath])
        #expect(server.requests.filter { $0.method == "GET" }.count == 1)
    }

    @Test("a request the endpoint refuses (4xx) is not moved: the caller gets the error, the provider stays healthy", arguments: [400, 401, 403, 404, 422])
    func requestFaultsStay(_ status: Int) async throws {
        let server = try Self.providerServer(togetherPlans: [.status(status)])
        let pool = FailoverPool(providers: [.together, .hfInference], clock: ManualClock())
        let client = HFClient.replaying(server, middleware: [FailoverMiddleware(pool: pool)])

        let error = await #expect(throws: HFError.self) { try await client.inference.chat(Self.question, via: .provider(.together)) }
        #expect(error?.status == status)
        #expect(Self.posts(server) == [Self.togetherPath])
        #expect(await pool.isHealthy(.provider(.together)))
    }

    @Test("every provider failing: the last one's error, saying each was tried; the next call still tries the one that recovers soonest")
    func exhausted() async throws {
        let together = try RecordedCase.load(Self.togetherChat)
        let server = try ReplayServer(defaultPlan: .status(503))
        server.serve(together.interactions[0], plan: ResponsePlan())
        server.serve(together.interactions[1])
        server.serve(together.interactions[1], at: Route(method: "POST", host: "router.huggingface.co", path: Self.hfInferencePath))
        let pool = FailoverPool(providers: [.together, .hfInference], clock: ManualClock())
        let client = HFClient.replaying(server, middleware: [FailoverMiddleware(pool: pool)])

        let error = await #expect(throws: HFError.self) { try await client.inference.chat(Self.question, via: .provider(.together)) }
        #expect(error?.category == .modelUnavailable && error?.provider == .hfInference)
        #expect(error?.recoverySuggestion.hasPrefix("Every endpoint tried failed (together, hf-inference)") == true)
        #expect(Self.posts(server) == [Self.togetherPath, Self.hfInferencePath])

        await #expect(throws: HFError.self) { try await client.inference.chat(Self.question, via: .provider(.together)) }
        #expect(Self.posts(server) == [Self.togetherPath, Self.hfInferencePath, Self.togetherPath])
    }

    @Test("a stream is moved while its head has not arrived, never after")
    func streams() async throws {
        let pool = FailoverPool(providers: [.together, .hfInference], clock: ManualClock())
        let server = try Self.providerServer(togetherPlans: [.status(503)], togetherCase: Self.togetherStream, hfInferenceCase: Self.hfInferenceStream)
        let client = HFClient.replaying(server, middleware: [FailoverMiddleware(pool: pool)])
        var text = ""
        for try await piece in try client.inference.chatStream(Self.question, via: .provider(.together)).text { text += piece }
        #expect(!text.isEmpty)
        #expect(Self.posts(server) == [Self.togetherPath, Self.hfInferencePath])

        // The head arrives, then the connection resets 2000 bytes into the events.
        let broken = try Self.providerServer(togetherPlans: [.resetAfter(bytes: 2000)], togetherCase: Self.togetherStream, hfInferenceCase: Self.hfInferenceStream)
        let fresh = FailoverPool(providers: [.together, .hfInference], clock: ManualClock())
        let reader = HFClient.replaying(broken, middleware: [FailoverMiddleware(pool: fresh)])
        var received = ""
        let error = await #expect(throws: HFError.self) {
            for try await piece in try reader.inference.chatStream(Self.question, via: .provider(.together)).text { received += piece }
        }
        #expect(!received.isEmpty)
        #expect(error?.category == .streamInterrupted || error?.category == .network)
        #expect(Self.posts(broken) == [Self.togetherPath])
    }

    // MARK: Attempts

    /// Records the context and URL of every request that reaches it.
    final class Seen: HFMiddleware, @unchecked Sendable {
        let requests = LockedState<[(url: String, context: HFRequestContext)]>([])

        func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
            requests.withLock { $0.append((request.url.absoluteString, context)) }
            return try await next(request, context)
        }
    }

    @Test("an attempt after a timeout counts up and gets back the time the failed one used; Hub look-ups are not moved")
    func attemptsAndDeadlines() async throws {
        let clock = ManualClock()
        let reply = try #require(try RecordedCase.load(Self.hfInferenceChat).inferenceInteraction).response
        let transport = MemoryTransport { request in
            guard request.url.host == "tgi-a.internal" else { return HTTPStreamingResponse(recorded: reply) }
            clock.advance(by: .seconds(7))
            throw HTTPTransportError(.timedOut, "no answer in time")
        }
        let primary = try #require(URL(string: "https://tgi-a.internal:8443/serving"))
        let pool = FailoverPool(baseURLs: [primary, try #require(URL(string: "https://tgi-b.internal"))], clock: clock)
        let seen = Seen()
        let client = HFClient(configuration: .inMemory(), transport: transport, middleware: [FailoverMiddleware(pool: pool), seen])

        _ = try await client.inference.chat(Self.question, via: .endpoint(primary))
        _ = try await client.send(client.makeRequest(.get, url: try #require(URL(string: "https://huggingface.co/api/whoami-v2"))))

        let requests = seen.requests.withLock { $0 }
        try #require(requests.count == 3)
        #expect(requests.map(\.url) == [
            "https://tgi-a.internal:8443/serving/v1/chat/completions", "https://tgi-b.internal/v1/chat/completions", "https://huggingface.co/api/whoami-v2",
        ])
        #expect(requests[0].context.attempt == 1 && requests[1].context.attempt == 2)
        #expect(requests[1].context.deadline == requests[0].context.deadline + .seconds(7))
        #expect(await pool.status().map(\.isHealthy) == [false, true])
    }
}
