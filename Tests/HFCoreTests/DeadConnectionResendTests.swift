import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

/// A reused connection that dies after taking a request: a POST whose body went out is not sent
/// again (the server may have acted on it); the caller gets a network error to retry or not.
@Suite("No resend of a sent POST")
struct DeadConnectionResendTests {
    #if os(Linux)
    @Test("libcurl: a POST whose reused connection closes without an answer is sent once, and fails as network")
    func postNotResent() async throws {
        let chat = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational").interactions[1]
        // The recorded reply; then, on the same keep-alive connection, a close after reading the
        // request (the fault); then the recorded reply again, for a resend to land on.
        let server = try ReplayServer(mode: .inOrder)
        server.serve(chat)
        server.serve(chat, plan: ResponsePlan(fault: .closeBeforeHead))
        server.serve(chat)
        let client = HFClient.replaying(server, transport: CurlTransport())
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")

        #expect(try await client.send(request).status == 200)
        let error = await #expect(throws: HFError.self) { try await client.send(request) }

        #expect(error?.category == .network)
        #expect(error?.message.contains("not sent again") == true)
        #expect(server.requests.count == 2)
    }

    @Test("libcurl: a GET on a reused connection that closes without an answer is sent again and succeeds")
    func getResent() async throws {
        let recorded = try RecordedCase.load("InferenceApiTest.test_simple_inference")
        let model = recorded.interactions[1]
        let server = try ReplayServer(mode: .inOrder)
        server.serve(model)
        server.serve(model, plan: ResponsePlan(fault: .closeBeforeHead))
        server.serve(model)
        let client = HFClient.replaying(server, transport: CurlTransport())
        let request = client.makeRequest(.get, url: server.url(for: model.request.url))

        #expect(try await client.send(request, token: .ifAvailable).status == 200)
        #expect(try await client.send(request, token: .ifAvailable).status == 200)
        #expect(server.requests.count == 3)
    }
    #endif
}
