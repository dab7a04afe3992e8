import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HFReplay
import Testing

@Suite struct ReplayServerDeliveryTests {
    private func streamServer(_ plan: ResponsePlan? = nil) throws -> (ReplayServer, RecordedInteraction) {
        let recorded = try RecordedCase.load(Stems.chatStream)
        let server = try ReplayServer()
        server.serve(recorded.interactions[1], plan: plan)
        return (server, recorded.interactions[1])
    }

    private let streamTarget = "/router.huggingface.co/cerebras/v1/chat/completions"

    @Test func sseIsChunkedPerEventWithDelays() async throws {
        let (server, stream) = try streamServer(
            ResponsePlan(chunking: .perSSEEvent, delayBetweenChunks: .milliseconds(20))
        )
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", streamTarget, body: stream.request.body)
        let response = try client.readResponse()

        #expect(response.status == 200)
        #expect(response.complete)
        #expect(response.headers["transfer-encoding"] == "chunked")
        #expect(response.headers["content-length"] == nil)
        #expect(response.body == stream.response.body)
        let events = stream.response.bodyText!.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(response.chunks.count == events.count)
        #expect(response.chunks.allSatisfy { String(decoding: $0, as: UTF8.self).hasSuffix("\n\n") })

        // The client can read the last byte before the server thread records that it wrote it.
        #expect(await server.waitForFinishedResponses(count: 1, timeout: .seconds(10)))
        let served = try #require(server.response(to: 0))
        #expect(served.outcome == .completed)
        #expect(served.chunked)
        #expect(served.bodyBytesSent == stream.response.body.count)
        let first = try #require(served.firstBodyByteAt)
        let last = try #require(served.lastBodyByteAt)
        #expect(first < last)
    }

    @Test func eventStreamsAreChunkedEvenWhole() throws {
        let (server, stream) = try streamServer()
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", streamTarget, body: stream.request.body)
        let response = try client.readResponse()
        #expect(response.headers["transfer-encoding"] == "chunked")
        #expect(response.chunks.count == 1)
        #expect(response.body == stream.response.body)
    }

    @Test(arguments: [1, 2, 17, 100])
    func splitAtEveryBoundaryReassembles(step: Int) throws {
        let (server, stream) = try streamServer()
        let body = stream.response.body
        let client = try RawHTTPClient(port: server.port)
        for start in stride(from: 1, to: min(body.count, 400), by: step) {
            server.setPlan(ResponsePlan(chunking: .splitAt([start, start + 7])), forRuleAt: 0)
            try client.sendRequest("POST", streamTarget, body: stream.request.body)
            let response = try client.readResponse()
            #expect(response.body == body)
            #expect(response.chunks.map(\.count) == [start, 7, body.count - start - 7])
        }
        #expect(server.acceptedConnections == 1)
    }

    @Test func fixedChunkingWithContentLengthFraming() throws {
        let (server, stream) = try streamServer(ResponsePlan(chunking: .fixed(bytes: 1000), framing: .contentLength))
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", streamTarget, body: stream.request.body)
        let response = try client.readResponse()
        #expect(response.headers["content-length"] == String(stream.response.body.count))
        #expect(response.body == stream.response.body)
    }

    @Test func resetAfterBytesIsAClientVisibleError() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let chat = recorded.interactions[1]
        let server = try ReplayServer()
        server.serve(chat, plan: .resetAfter(bytes: 100))

        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", "/router.huggingface.co/cerebras/v1/chat/completions", body: chat.request.body)
        let raw = try client.readResponse()
        #expect(raw.status == 200)
        #expect(!raw.complete)
        #expect(raw.body.count <= 100)
        #expect(raw.readError == ECONNRESET)

        await #expect(throws: (any Error).self) {
            _ = try await HTTP.replay(chat.request, on: server)
        }
        #expect(server.responses.allSatisfy { $0.outcome == .reset })
    }

    @Test func truncateAfterBytesEndsTheBodyShort() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let chat = recorded.interactions[1]
        let server = try ReplayServer()
        server.serve(chat, plan: .truncateAfter(bytes: 100))

        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", "/router.huggingface.co/cerebras/v1/chat/completions", body: chat.request.body)
        let raw = try client.readResponse()
        #expect(raw.headers["content-length"] == String(chat.response.body.count))
        #expect(raw.body == chat.response.body.prefix(100))
        #expect(!raw.complete)
        #expect(raw.readError == nil, "a clean FIN, not a reset")

        await #expect(throws: (any Error).self) {
            _ = try await HTTP.replay(chat.request, on: server)
        }
        #expect(server.response(to: 0)?.outcome == .truncated)
        #expect(server.response(to: 0)?.bodyBytesSent == 100)
    }

    @Test func truncatedStreamStopsOnAnEventBoundaryWithoutTerminator() throws {
        let (server, stream) = try streamServer()
        let firstEvent = stream.response.bodyText!.components(separatedBy: "\n\n")[0].utf8.count + 2
        server.setPlan(ResponsePlan(chunking: .perSSEEvent, fault: .truncateAfter(bytes: firstEvent)), forRuleAt: 0)
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", streamTarget, body: stream.request.body)
        let response = try client.readResponse()
        #expect(response.chunks.count == 1)
        #expect(response.body == stream.response.body.prefix(firstEvent))
        #expect(!response.complete)
    }

    @Test func clientClosingMidStreamIsRecordedAsDisconnect() async throws {
        let (server, stream) = try streamServer(.eventStream(delayBetweenEvents: .milliseconds(200)))
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", streamTarget, body: stream.request.body)
        // Read the head and the first event, then hang up while the server waits to send the next.
        #expect(client.readSome() > 0)
        client.close()

        #expect(await server.waitForDisconnect(timeout: .seconds(10)))
        let event = try #require(server.disconnectEvents.first)
        #expect(event.requestIndex == 0)
        #expect(event.phase == .betweenChunks || event.phase == .writing)
        #expect(server.response(to: 0)?.outcome == .clientDisconnected)
        #expect(server.disconnects == 1)
    }

    @Test func clientClosingDuringDelayBeforeHeadIsNoticed() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer()
        server.serve(recorded.interactions[1], plan: ResponsePlan(delayBeforeHead: .seconds(30)))
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", "/router.huggingface.co/cerebras/v1/chat/completions", body: Data("{}".utf8))
        #expect(await server.waitForRequests(count: 1, timeout: .seconds(10)))
        client.close()
        #expect(server.blockingWaitForDisconnect(timeout: .seconds(10)))
        #expect(server.disconnectEvents.first?.phase == .beforeHead)
        #expect(server.response(to: 0)?.headSentAt == nil)
    }

    @Test func keepAliveServesSequentialRequestsOnOneConnection() throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded)
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("GET", "/huggingface.co/api/models/meta-llama/Llama-3.3-70B-Instruct?expand=inferenceProviderMapping")
        let first = try client.readResponse()
        try client.sendRequest("POST", "/router.huggingface.co/cerebras/v1/chat/completions", body: recorded.interactions[1].request.body)
        let second = try client.readResponse()

        #expect(first.status == 200 && first.body == recorded.interactions[0].response.body)
        #expect(second.status == 200 && second.body == recorded.interactions[1].response.body)
        #expect(server.acceptedConnections == 1)
        #expect(Set(server.requests.map(\.connectionID)).count == 1)
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded)
        let client = try RawHTTPClient(port: server.port)
        let get = "GET /huggingface.co/api/models/meta-llama/Llama-3.3-70B-Instruct?expand[]=inferenceProviderMapping HTTP/1.1\r\nHost: x\r\n\r\n"
        try client.send(get + get + "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        #expect(try client.readResponse().status == 200)
        let last = try client.readResponse()
        #expect(last.status == 599)
        #expect(last.headers["connection"] == "close")
        #expect(client.readUntilClosed().clean)
    }

    @Test func chunkedRequestBodyWithExpectContinue() throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded)
        let client = try RawHTTPClient(port: server.port)
        try client.send(
            "POST /router.huggingface.co/cerebras/v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                + "transfer-encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
        )
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send("5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\ntrailer: x\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        let received = try #require(server.requests.first)
        #expect(received.bodyText == "hello world")
        #expect(received.bodyWasChunked)
    }

    @Test func closeConnectionAfterResponse() throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded, plan: ResponsePlan(closeConnectionAfterResponse: true))
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", "/router.huggingface.co/cerebras/v1/chat/completions", body: Data("{}".utf8))
        let response = try client.readResponse()
        #expect(response.complete)
        #expect(response.headers["connection"] == "close")
        #expect(client.readUntilClosed().clean)
    }

    @Test func manySequentialKeepAliveRequests() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded)
        let client = try RawHTTPClient(port: server.port)
        let request = Array("GET /huggingface.co/api/models/meta-llama/Llama-3.3-70B-Instruct?expand=inferenceProviderMapping HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        let count = 2000
        let started = ContinuousClock.now
        for _ in 0..<count {
            try client.send(request)
            #expect(try client.readResponse().status == 200)
        }
        let elapsed = ContinuousClock.now - started
        print("HFReplay: \(count) keep-alive requests in \(elapsed)")
        #expect(server.acceptedConnections == 1)
        #expect(server.requests.count == count)

        // A real HTTP client reuses its connection too.
        let url = server.url(for: recorded.interactions[0].request.url)
        for _ in 0..<20 {
            #expect(try await HTTP.send("GET", url).response.statusCode == 200)
        }
        #expect(server.acceptedConnections < 10)
    }

    @Test func shutdownClosesConnectionsAndReleasesWaiters() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded, plan: ResponsePlan(delayBeforeHead: .seconds(60)))
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", "/router.huggingface.co/cerebras/v1/chat/completions", body: Data("{}".utf8))
        #expect(await server.waitForRequests(count: 1, timeout: .seconds(10)))
        server.shutdown()
        #expect(server.response(to: 0)?.outcome == .serverStopped)
        #expect(server.openConnections == 0)
        #expect(await server.waitForDisconnect(timeout: .seconds(60)) == false)
        #expect(throws: (any Error).self) { try client.readResponse() }
    }

    @Test func closeDelimitedFraming() throws {
        let (server, stream) = try streamServer(ResponsePlan(chunking: .fixed(bytes: 512), framing: .untilClose))
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("POST", streamTarget, body: stream.request.body)
        let response = try client.readResponse()
        #expect(response.headers["content-length"] == nil)
        #expect(response.headers["transfer-encoding"] == nil)
        #expect(response.headers["connection"] == "close")
        #expect(response.complete)
        #expect(response.body == stream.response.body)
    }

    @Test func headUsesTheGetRuleWithoutABody() throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded)
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("HEAD", "/huggingface.co/api/models/meta-llama/Llama-3.3-70B-Instruct?expand=inferenceProviderMapping")
        let head = try client.readResponse(headRequest: true)
        #expect(head.status == 200)
        #expect(head.headers["content-length"] == String(recorded.interactions[0].response.body.count))
        // Nothing but the head was sent: the next response on the connection parses cleanly.
        try client.sendRequest("GET", "/huggingface.co/api/models/meta-llama/Llama-3.3-70B-Instruct?expand=inferenceProviderMapping")
        #expect(try client.readResponse().body == recorded.interactions[0].response.body)
    }

    @Test func resetBeforeHeadFailsTheRequest() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer()
        server.serve(recorded.interactions[1], plan: ResponsePlan(fault: .resetBeforeHead))
        await #expect(throws: (any Error).self) {
            _ = try await HTTP.replay(recorded.interactions[1].request, on: server)
        }
        #expect(server.requests.count >= 1)
        #expect(server.responses.allSatisfy { $0.outcome == .reset && $0.headSentAt == nil })
    }

    @Test func servedBodyIsTheRecordedBodyWithRewrittenURLs() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_image_classification_hf-inference_image-classification")
        let server = try ReplayServer(case: recorded)
        let info = recorded.interactions[0]
        let (body, _) = try await HTTP.replay(info.request, on: server)
        #expect(body != info.response.body)
        #expect(body == server.servedBody(for: info.response))
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("\"src\":\"http://127.0.0.1:\(server.port)/huggingface.co/datasets/mishig/sample_images/"))
        #expect(!text.contains("https://huggingface.co"))
    }
}
