import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

@Suite("Client pipeline: middleware, logging, provider mappings")
struct ClientPipelineTests {
    static let chatCase = "TestInferenceClient.test_chat_completion_no_stream_together_conversational"

    /// Retries once on 429: the kind of policy the middleware hook exists for.
    struct RetryOnce: HFMiddleware {
        let attempts: LockedState<[Int]>
        func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
            attempts.withLock { $0.append(context.attempt) }
            let response = try await next(request, context)
            guard response.status == 429 else { return response }
            var again = context
            again.attempt += 1
            attempts.withLock { $0.append(again.attempt) }
            return try await next(request, again)
        }
    }

    struct AddHeader: HFMiddleware {
        let name: String
        let value: String
        func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
            var request = request
            request.headers.add(name: name, value: value)
            return try await next(request, context)
        }
    }

    @Test("middleware runs in order, can change requests, and sees error statuses before they become errors")
    func middleware() async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let chat = recorded.interactions[1]
        let server = try ReplayServer()
        server.serve(chat, plan: .status(429, headers: ["Retry-After": "1"]))
        server.serve(chat)
        let attempts = LockedState<[Int]>([])
        let client = HFClient.replaying(server, middleware: [AddHeader(name: "X-Order", value: "first"), RetryOnce(attempts: attempts), AddHeader(name: "X-Order", value: "second")])
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        let response = try await client.send(request)
        #expect(response.status == 200)
        #expect(attempts.withLock { $0 } == [1, 2])
        #expect(server.requests.count == 2)
        for sent in server.requests {
            #expect(sent.headerFields.filter { $0.name.lowercased() == "x-order" }.map(\.value) == ["first", "second"])
        }
    }

    @Test("log events name route, status, duration, request id and bytes, and never the token")
    func logging() async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let chat = recorded.interactions[1]
        let server = try ReplayServer(case: recorded)
        let events = LockedState<[HFLogEvent]>([])
        let client = HFClient.replaying(server) { configuration in
            configuration.logger = HFLogger(minimumLevel: .trace) { event in events.withLock { $0.append(event) } }
        }
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        _ = try await client.send(request)
        let logged = events.withLock { $0 }
        #expect(logged.map(\.kind) == [.requestStarted, .requestFinished])
        let finished = try #require(logged.last)
        #expect(finished.status == 200)
        #expect(finished.method == "POST")
        #expect(finished.route.hasSuffix("/router.huggingface.co/together/v1/chat/completions"))
        #expect(finished.requestID == chat.response.headers["x-request-id"])
        #expect(finished.bytesSent == chat.request.body?.count)
        #expect(finished.bytesReceived == server.servedBody(for: chat.response).count)
        #expect(finished.duration != nil)
        for event in logged {
            #expect(!"\(event)".contains(testToken))
            var dumped = ""
            dump(event, to: &dumped)
            #expect(!dumped.contains(testToken))
        }
    }

    @Test("failed requests are logged at error level without the token")
    func loggingFailures() async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let chat = recorded.interactions[1]
        let server = try ReplayServer(case: recorded, plan: ResponsePlan(fault: .resetBeforeHead))
        let events = LockedState<[HFLogEvent]>([])
        let client = HFClient.replaying(server) { configuration in
            configuration.logger = HFLogger(minimumLevel: .info) { event in events.withLock { $0.append(event) } }
        }
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        await #expect(throws: HFError.self) { try await client.send(request) }
        let logged = events.withLock { $0 }
        #expect(logged.map(\.kind) == [.requestFailed])
        #expect(logged.first?.level == .error)
        #expect(logged.first?.message?.hasPrefix("network") == true)
    }

    @Test("provider mappings: the Hub request, the account's order, and one request for many callers")
    func providerMappings() async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)
        let model: ModelID = "meta-llama/Meta-Llama-3-8B-Instruct"

        let results = try await withThrowingTaskGroup(of: [ProviderMapping].self) { group in
            for _ in 0..<8 { group.addTask { try await client.providerMappings(for: model) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(results.map { $0.map(\.provider) }) == [[.fireworksAI, .together, .hfInference]])
        #expect(server.requests.count == 1)
        let sent = try #require(server.requests.first)
        #expect(sent.method == "GET")
        #expect(sent.path == "/api/models/meta-llama/Meta-Llama-3-8B-Instruct")
        #expect(sent.queryValue("expand") == "inferenceProviderMapping")
        #expect(sent.target.contains("expand%5B%5D=inferenceProviderMapping"))
        #expect(sent.header("Authorization") == "Bearer \(testToken)")

        // The staging fireworks entry is skipped when choosing automatically; together is live.
        let chosen = try await client.resolveMapping(model: model, task: .conversational)
        #expect(chosen.provider == .together)
        #expect(chosen.providerModelID == "meta-llama/Meta-Llama-3-8B-Instruct-Turbo")
        let pinned = try await client.resolveMapping(model: model.routed(to: .hfInference), task: .conversational)
        #expect(pinned.provider == .hfInference)
        #expect(server.requests.count == 1)

        let wrongTask = await #expect(throws: HFError.self) { try await client.resolveMapping(model: model, task: .featureExtraction) }
        #expect(wrongTask?.category == .validation)
        let wrongProvider = await #expect(throws: HFError.self) { try await client.resolveMapping(model: model, task: .conversational, provider: .groq) }
        #expect(wrongProvider?.category == .validation)
        #expect(wrongProvider?.message.contains("together (conversational, live)") == true)
    }

    struct StreamTagger: HFMiddleware {
        func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
            var request = request
            request.headers["X-Streamed"] = "yes"
            return try await next(request, context)
        }
    }

    @Test("streamed requests pass through interceptStream, not intercept")
    func streamMiddleware() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_with_stream_together_conversational")
        let chat = recorded.interactions[1]
        let server = try ReplayServer(case: recorded)
        let attempts = LockedState<[Int]>([])
        let client = HFClient.replaying(server, middleware: [StreamTagger(), RetryOnce(attempts: attempts)])
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        var received = Data()
        for try await chunk in try await client.stream(request).body { received.append(chunk) }
        #expect(received == server.servedBody(for: chat.response))
        #expect(server.requests.last?.header("X-Streamed") == "yes")
        #expect(attempts.withLock { $0 }.isEmpty)
    }

    /// Points every request at a plain-http host that is not loopback.
    struct Downgrade: HFMiddleware {
        static let url = URL(string: "http://router.example.com/v1/chat/completions")!

        func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
            var request = request
            request.url = Self.url
            return try await next(request, context)
        }

        func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
            var request = request
            request.url = Self.url
            return try await next(request, context)
        }
    }

    @Test("the safety checks hold for a request built by hand and for one a middleware changed, whole or streamed")
    func preflightEverywhere() async throws {
        let server = try ReplayServer()
        let direct = HFClient.replaying(server)
        let handmade = HTTPRequest(method: .post, url: Downgrade.url, body: Data("{}".utf8), authorization: Secret("hf_test"))
        let changed = HFClient.replaying(server, middleware: [Downgrade()])
        let request = changed.makeRequest(.post, url: server.baseURL.appendingPathComponent("v1/chat/completions"), body: Data("{}".utf8))
        for (client, request) in [(direct, handmade), (changed, request)] {
            let whole = await #expect(throws: HFError.self) { try await client.send(request) }
            #expect(whole?.category == .validation)
            #expect(whole?.field == "url")
            let streamed = await #expect(throws: HFError.self) { try await client.stream(request) }
            #expect(streamed?.category == .validation)
        }
        #expect(server.requests.isEmpty)
    }

    @Test("a provider's own key is never sent to the Hub; an hf_ token is")
    func hubGetsOnlyHuggingFaceTokens() async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server, token: "provider-secret-key-0123456789")
        _ = try await client.providerMappings(for: "meta-llama/Meta-Llama-3-8B-Instruct")
        #expect(server.requests.first?.header("Authorization") == nil)
    }

    @Test("a cancelled provider look-up stops waiting at once and closes its Hub request; the cache can be cleared")
    func mappingCancellation() async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        // A look-up that ignored cancellation would succeed after two minutes instead of failing as `.cancelled`.
        let server = try ReplayServer(case: recorded, plan: ResponsePlan(delayBeforeHead: .seconds(120)))
        let client = HFClient.replaying(server)
        let lookup = Task { try await client.providerMappings(for: "meta-llama/Meta-Llama-3-8B-Instruct") }
        #expect(await server.waitForRequests(count: 1, timeout: .seconds(10)))
        lookup.cancel()
        let outcome = await lookup.result
        if case .failure(let error as HFError) = outcome {
            #expect(error.category == .cancelled)
        } else {
            Issue.record("expected a cancellation, got \(outcome)")
        }
        #expect(await server.waitForDisconnect(timeout: .seconds(10)))

        // Once answered, a mapping is cached until forgotten.
        server.defaultPlan = ResponsePlan()
        server.removeAllRules()
        server.serve(recorded.interactions[0])
        _ = try await client.providerMappings(for: "meta-llama/Meta-Llama-3-8B-Instruct")
        _ = try await client.providerMappings(for: "meta-llama/Meta-Llama-3-8B-Instruct")
        #expect(server.requests.count == 2)
        await client.forgetProviderMappings()
        _ = try await client.providerMappings(for: "meta-llama/Meta-Llama-3-8B-Instruct")
        #expect(server.requests.count == 3)
    }

    @Test("a body read by two iterators at once: the second is refused, not left hanging")
    func secondIterator() async throws {
        let channel = ByteChannel()
        let stream = HTTPBodyStream(channel: channel)
        let first = Task { var iterator = stream.makeAsyncIterator(); return try await iterator.next() }
        try await Task.sleep(for: .milliseconds(50))
        var second = stream.makeAsyncIterator()
        let error = await #expect(throws: HTTPTransportError.self) { try await second.next() }
        #expect(error?.code == .bodyAlreadyRead)
        _ = channel.deliver(Data("x".utf8))
        #expect(try await first.value == Data("x".utf8))
    }
}
