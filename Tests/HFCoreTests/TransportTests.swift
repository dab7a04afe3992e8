import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

/// Both transports against the replay server, on recorded responses.
@Suite("Transports on recorded traffic")
struct TransportTests {
    static let chatCase = "TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational"
    static let streamCase = "TestInferenceClient.test_chat_completion_with_stream_cerebras_conversational"

    @Test("a whole response: recorded bytes, status and headers; the request carries our headers and body", arguments: TransportKind.available)
    func wholeResponse(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server, transport: kind.make())
        let chat = recorded.interactions[1]
        let url = server.url(for: chat.request.url)
        let body = try #require(chat.request.body)
        let request = client.makeRequest(.post, url: url, body: body, contentType: "application/json", accept: "application/json")

        let response = try await client.send(request)

        #expect(response.status == 200)
        #expect(response.body == server.servedBody(for: chat.response))
        #expect(response.headers["X-Request-Id"] == chat.response.headers["x-request-id"])
        let sent = try #require(server.requests.last)
        #expect(sent.method == "POST")
        #expect(sent.path == "/cerebras/v1/chat/completions")
        #expect(sent.header("Authorization") == "Bearer \(testToken)")
        #expect(sent.header("User-Agent") == HFPackage.defaultUserAgent)
        #expect(sent.header("Content-Type") == "application/json")
        #expect(sent.header("Accept") == "application/json")
        #expect(sent.header("Expect") == nil)
        #expect(sent.body == body)
    }

    #if os(Linux)
    @Test("libcurl header lines: values lose the whitespace around them, names and other headers intact")
    func curlHeaderLines() async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let server = try ReplayServer(case: recorded)
        let chat = recorded.interactions[1]
        server.setPlan(ResponsePlan(extraHeaders: ["X-Padded": " \t spaced value \t "]), forRuleAt: 1)
        let client = HFClient.replaying(server, transport: CurlTransport())
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")

        let response = try await client.send(request)

        #expect(response.status == 200)
        #expect(response.headers["x-padded"] == "spaced value")
        #expect(response.headers["Content-Type"] == chat.response.headers["content-type"])
        #expect(response.headers["X-Request-Id"] == chat.response.headers["x-request-id"])
    }
    #endif

    @Test("a large request body arrives intact and promptly (no 100-continue stall)", arguments: TransportKind.available)
    func largeBody(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server, transport: kind.make())
        // A real image from the recordings, as a vision request would carry it.
        let image = try #require(try RecordedCase.load("TestInferenceClient.test_image_classification_hf-inference_image-classification").interactions[1].request.body)
        var payload = Data(#"{"model":"m","image":""#.utf8)
        payload.append(Data(image.base64EncodedString().utf8))
        payload.append(Data(#""}"#.utf8))
        let request = client.makeRequest(.post, url: server.url(for: recorded.interactions[1].request.url), body: payload, contentType: "application/json")
        _ = try await client.send(request)
        #expect(server.requests.last?.body == payload)
    }

    @Test("a renamed repository's 307 is followed to the canonical id", arguments: TransportKind.available)
    func redirect(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load("InferenceApiTest.test_simple_inference")
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server, transport: kind.make())
        let request = client.makeRequest(.get, url: server.url(for: recorded.interactions[0].request.url))
        let response = try await client.send(request, token: .ifAvailable)
        #expect(response.status == 200)
        #expect(server.requests.map(\.path) == ["/api/models/bert-base-uncased", "/api/models/google-bert/bert-base-uncased"])
        #expect(try JSONParser.parse(response.body)["id"]?.stringValue == "google-bert/bert-base-uncased")
    }

    @Test("sequential requests reuse one connection", arguments: TransportKind.available)
    func keepAlive(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let server = try ReplayServer(case: recorded)
        // A transport of its own: the process-wide one's idle-connection cache is shared with every
        // test running at the same time, and may close this test's idle connection to make room.
        let client = HFClient.replaying(server, transport: kind.make())
        let chat = recorded.interactions[1]
        for _ in 0..<20 {
            let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
            _ = try await client.send(request)
        }
        #expect(server.requests.count == 20)
        #expect(server.acceptedConnections == 1)
    }

    @Test("streaming hands over the first event while the rest is held back", arguments: TransportKind.available)
    func streamsAsItArrives(_ kind: TransportKind) async throws {
        // The server sends the first event, then holds the rest for 120 s. A transport that buffered
        // the body would hand over the whole body as its first piece; one that streams hands over
        // exactly the first event. The check is on content, not on time.
        let recorded = try RecordedCase.load(Self.streamCase)
        let chat = recorded.interactions[1]
        let body = try #require(chat.response.bodyText)
        let firstEvent = body.components(separatedBy: "\n\n")[0].utf8.count + 2
        let server = try ReplayServer(case: recorded, plan: ResponsePlan(chunking: .splitAt([firstEvent]), delayBetweenChunks: .seconds(120)))
        let client = HFClient.replaying(server, transport: kind.make())
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json", accept: "text/event-stream")

        let response = try await client.stream(request)
        var iterator = response.body.makeAsyncIterator()
        let first = try #require(try await iterator.next())

        #expect(first == server.servedBody(for: chat.response).prefix(firstEvent))
        #expect(server.responses.first?.lastBodyByteAt == nil || server.responses.first?.outcome == .inProgress)
    }

    @Test("cancelling the reading task closes the connection", arguments: TransportKind.available)
    func cancellationDisconnects(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.streamCase)
        let server = try ReplayServer(case: recorded, plan: .eventStream(delayBetweenEvents: .seconds(2)))
        let client = HFClient.replaying(server, transport: kind.make())
        let chat = recorded.interactions[1]
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        let firstChunk = AsyncStream<Void>.makeStream()
        let reader = Task {
            let response = try await client.stream(request)
            for try await _ in response.body { firstChunk.continuation.yield() }
        }
        var waiter = firstChunk.stream.makeAsyncIterator()
        _ = await waiter.next()
        reader.cancel()
        let outcome = await reader.result
        #expect(throws: HFError.self) { try outcome.get() }
        if case .failure(let error as HFError) = outcome { #expect(error.category == .cancelled) }
        #expect(await server.waitForDisconnect(timeout: .seconds(5)))
    }

    @Test("dropping an unread stream closes the connection", arguments: TransportKind.available)
    func droppingDisconnects(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.streamCase)
        // Slow enough that the stream cannot end (and its connection go back to the pool) while
        // a busy test runner keeps this task waiting; the test returns at the disconnect.
        let server = try ReplayServer(case: recorded, plan: .eventStream(delayBetweenEvents: .seconds(2)))
        let client = HFClient.replaying(server, transport: kind.make())
        let chat = recorded.interactions[1]
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        do {
            let response = try await client.stream(request)
            #expect(response.status == 200)
        }
        // Returns at the disconnect; the bound only allows for a busy test runner.
        #expect(await server.waitForDisconnect(timeout: .seconds(30)))
    }

    @Test("a reset mid-stream delivers the bytes before it, then a network error", arguments: TransportKind.available)
    func resetMidStream(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.streamCase)
        let chat = recorded.interactions[1]
        let body = try #require(chat.response.bodyText)
        let cut = body.utf8.count / 2
        var plan = ResponsePlan.eventStream(delayBetweenEvents: .milliseconds(5))
        plan.fault = .resetAfter(bytes: cut)
        let server = try ReplayServer(case: recorded, plan: plan)
        let client = HFClient.replaying(server, transport: kind.make())
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        let response = try await client.stream(request)
        var received = Data()
        let error = await #expect(throws: HFError.self) {
            for try await chunk in response.body { received.append(chunk) }
        }
        #expect(error?.category == .network)
        #expect(received.count <= cut)
        #expect(received == server.servedBody(for: chat.response).prefix(received.count))
        #expect(received.count > 0)
    }

    @Test("a body cut short is an error, not a short success", arguments: TransportKind.available)
    func truncated(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let chat = recorded.interactions[1]
        let server = try ReplayServer(case: recorded, plan: .truncateAfter(bytes: 100))
        let client = HFClient.replaying(server, transport: kind.make())
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        let error = await #expect(throws: HFError.self) { try await client.send(request) }
        #expect(error?.category == .network)
    }

    @Test("a silent stream trips the idle timeout after the bytes that did arrive", arguments: TransportKind.available)
    func idleTimeout(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.streamCase)
        let chat = recorded.interactions[1]
        let server = try ReplayServer(case: recorded, plan: .eventStream(delayBetweenEvents: .seconds(3)))
        let client = HFClient.replaying(server, transport: kind.make()) { $0.streamIdleTimeout = .milliseconds(400) }
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        let response = try await client.stream(request)
        var chunks = 0
        let error = await #expect(throws: HFError.self) {
            for try await _ in response.body { chunks += 1 }
        }
        #expect(error?.category == .timeout)
        #expect(chunks == 1)
    }

    @Test("a response that does not start in time is a timeout", arguments: TransportKind.available)
    func requestTimeout(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let chat = recorded.interactions[1]
        // The head would come after two minutes: a timeout that never fired ends in success, not `.timeout`,
        // so the test fails without asserting a duration (timed assertions flake on a loaded 2-core runner).
        let server = try ReplayServer(case: recorded, plan: ResponsePlan(delayBeforeHead: .seconds(120)))
        let client = HFClient.replaying(server, transport: kind.make()) { $0.requestTimeout = .milliseconds(300) }
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        let error = await #expect(throws: HFError.self) { try await client.send(request) }
        #expect(error?.category == .timeout)
        #expect(await server.waitForDisconnect(timeout: .seconds(5)))
    }

    @Test("a body over the size cap stops the transfer", arguments: TransportKind.available)
    func sizeCap(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.chatCase)
        let chat = recorded.interactions[1]
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server, transport: kind.make()) { $0.maximumResponseSize = 64 }
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        let error = await #expect(throws: HFError.self) { try await client.send(request) }
        #expect(error?.category == .responseTooLarge)
    }

    @Test("a slow reader of a large body gets every byte, in order (backpressure pauses and resumes)", arguments: TransportKind.available)
    func backpressure(_ kind: TransportKind) async throws {
        // 1.37 MB of recorded PNG: more than the 1 MiB the transport buffers ahead of the reader.
        let recorded = try RecordedCase.load("TestInferenceClient.test_text_to_image_default_fal-ai_text-to-image")
        let image = recorded.interactions[2]
        let server = try ReplayServer(case: recorded, plan: ResponsePlan(chunking: .fixed(bytes: 64 << 10)))
        let client = HFClient.replaying(server, transport: kind.make())
        let request = client.makeRequest(.get, url: server.url(for: image.request.url))
        let response = try await client.stream(request, token: .never)
        var received = Data()
        for try await chunk in response.body {
            received.append(chunk)
            if received.count < 1 << 20 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(received == image.response.body)
    }

    @Test("a redirect to another origin carries neither the token, the billing header nor extra headers, on every transport", arguments: TransportKind.available)
    func crossOriginRedirect(_ kind: TransportKind) async throws {
        // A real 307 from the Hub, pointed at a second server (another port: another origin).
        let recorded = try RecordedCase.load("InferenceApiTest.test_simple_inference")
        let target = try ReplayServer()
        target.serve(recorded.interactions[1])
        let origin = try ReplayServer()
        origin.serve(recorded.interactions[0], plan: .status(307, headers: ["Location": target.url(for: recorded.interactions[1].request.url).absoluteString]))
        let client = HFClient.replaying(origin, transport: kind.make()) { configuration in
            configuration.billTo = "my-org"
            configuration.extraHeaders["X-Custom"] = "for the origin only"
        }
        let request = client.makeRequest(.get, url: origin.url(for: recorded.interactions[0].request.url))
        let response = try await client.send(request)
        #expect(response.status == 200)
        #expect(origin.requests.first?.header("Authorization") == "Bearer \(testToken)")
        let followed = try #require(target.requests.first)
        #expect(followed.path == "/api/models/google-bert/bert-base-uncased")
        #expect(followed.header("Authorization") == nil)
        #expect(followed.header("X-HF-Bill-To") == nil)
        #expect(followed.header("X-Custom") == nil)
        #expect(followed.header("User-Agent") == HFPackage.defaultUserAgent)
        #expect(origin.requests.first?.header("X-HF-Bill-To") == "my-org")
    }

    @Test("a 307 or 308 to a POST is followed with the same method and body, on every transport", arguments: TransportKind.available, [307, 308])
    func postRedirectKeepsBody(_ kind: TransportKind, _ status: Int) async throws {
        // The recorded chat reply, answered first by a redirect to a second server (a fault on it).
        let chat = try RecordedCase.load(Self.chatCase).interactions[1]
        let target = try ReplayServer()
        target.serve(chat)
        let origin = try ReplayServer()
        origin.serve(chat, plan: .status(status, headers: ["Location": target.url(for: chat.request.url).absoluteString], body: .empty))
        let client = HFClient.replaying(origin, transport: kind.make())
        let body = try #require(chat.request.body)
        let request = client.makeRequest(.post, url: origin.url(for: chat.request.url), body: body, contentType: "application/json")

        let response = try await client.send(request)

        #expect(response.status == 200)
        #expect(origin.requests.count == 1)
        let followed = try #require(target.requests.first)
        #expect(followed.method == "POST")
        #expect(followed.body == body)
        #expect(followed.header("Content-Type") == "application/json")
    }

    @Test("a body keeps streaming after the client that started it is released", arguments: TransportKind.available)
    func bodyOutlivesClient(_ kind: TransportKind) async throws {
        let recorded = try RecordedCase.load(Self.streamCase)
        let chat = recorded.interactions[1]
        let server = try ReplayServer(case: recorded, plan: .eventStream(delayBetweenEvents: .milliseconds(20)))
        func startStream() async throws -> HTTPStreamingResponse {
            let client = HFClient.replaying(server, transport: kind.make())
            let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
            return try await client.stream(request)
        }
        let response = try await startStream()
        var received = Data()
        for try await chunk in response.body { received.append(chunk) }
        #expect(received == server.servedBody(for: chat.response))
    }
}
