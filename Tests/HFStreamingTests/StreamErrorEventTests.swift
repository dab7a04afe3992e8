import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFInference
@testable import HFStreaming

/// Errors sent inside a 200 stream. The recordings hold none, so, as for the error bodies in
/// HFCore (decision D10), the documented shapes (protocol notes §5.3, §8.6) are fed to the stream
/// directly, after a real recorded chunk; they are never served as if recorded.
@Suite("Errors inside a stream")
struct StreamErrorEventTests {
    static func stream(_ events: String) throws -> (ChatCompletionStream, firstText: String) {
        let recorded = try #require(RecordedStream.all.first { $0.provider == .together })
        let oracle = StreamOracle(try recorded.body)
        let body = Data("data: \(oracle.events[0])\n\n\(events)".utf8)
        let client = HFClient(configuration: HFConfiguration(token: testToken, environment: .empty))
        let head = HTTPResponseHead(status: 200, headers: ["Content-Type": "text/event-stream", "X-Request-Id": "req-1"])
        let stream = InferenceStream(client: client, codec: .chat) {
            OpenedStream(response: HTTPStreamingResponse(head: head, body: HTTPBodyStream(data: body)), context: client.context(.chatStream, streaming: true))
        }
        return (stream, try #require(oracle.content(0)))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let events: String
        let category: HFError.Category
        let message: String
        let errorType: String?
        var testDescription: String { events }
    }

    static let cases: [Case] = [
        Case(events: "data: {\"error\": \"Input validation error: max_new_tokens too large\", \"error_type\": \"validation\"}\n\n",
             category: .api, message: "Input validation error: max_new_tokens too large", errorType: "validation"),
        Case(events: "data: {\"error\": \"Model is overloaded\", \"error_type\": \"overloaded\"}\n\n",
             category: .modelUnavailable, message: "Model is overloaded", errorType: "overloaded"),
        Case(events: "data: {\"error\": {\"message\": \"Upstream failed\", \"type\": \"server_error\", \"code\": \"500\"}}\n\n",
             category: .api, message: "Upstream failed", errorType: "server_error"),
        // After members that read as a chunk, and after one of the wrong type: the error still wins.
        Case(events: "data: {\"id\": \"x\", \"choices\": [], \"error\": {\"message\": \"Late failure\", \"type\": \"server_error\"}}\n\n",
             category: .api, message: "Late failure", errorType: "server_error"),
        Case(events: "data: {\"choices\": \"x\", \"error\": \"Broken and failed\", \"error_type\": \"overloaded\"}\n\n",
             category: .modelUnavailable, message: "Broken and failed", errorType: "overloaded"),
        Case(events: "event: error\ndata: {\"message\": \"Stream aborted\"}\n\n",
             category: .api, message: "Stream aborted", errorType: nil),
        Case(events: "event: error\ndata: connection to the provider lost\n\n",
             category: .api, message: "connection to the provider lost", errorType: nil),
    ]

    @Test("the chunk before is delivered, then the typed error with the server's message and the text so far", arguments: cases)
    func errorEvent(_ testCase: Case) async throws {
        let (stream, firstText) = try Self.stream(testCase.events + "data: [DONE]\n\n")
        var received: [String] = []
        let error = await #expect(throws: HFError.self) {
            for try await chunk in stream { received.append(chunk.text ?? "") }
        }
        #expect(received == [firstText])
        #expect(error?.category == testCase.category)
        #expect(error?.message == testCase.message)
        #expect(error?.errorType == testCase.errorType)
        #expect(error?.partialOutput == firstText)
        #expect(error?.status == 200)
        #expect(error?.requestID == "req-1")
    }

    @Test("an event that is not JSON is a decoding error naming what arrived, after the text before it")
    func malformed() async throws {
        let (stream, firstText) = try Self.stream("data: {\"choices\": [\n\n")
        var received = ""
        let error = await #expect(throws: HFError.self) {
            for try await piece in stream.text { received += piece }
        }
        #expect(received == firstText)
        #expect(error?.category == .decoding)
        #expect(error?.bodySnippet == "{\"choices\": [")
        #expect(error?.partialOutput == firstText)
    }

    @Test("the token never appears in an error taken from the stream")
    func scrubbed() async throws {
        let (stream, _) = try Self.stream("data: {\"error\": \"bad header Bearer \(testToken)\"}\n\n")
        let error = await #expect(throws: HFError.self) { try await collect(stream) }
        #expect(error?.message.contains(testToken) == false)
        #expect(error?.bodySnippet?.contains(testToken) == false)
        #expect("\(String(describing: error))".contains(testToken) == false)
    }

    @Test("events after [DONE] are ignored")
    func afterDone() async throws {
        let (stream, firstText) = try Self.stream("data: [DONE]\n\ndata: {\"error\": \"late\"}\n\n")
        #expect(try await stream.collectText() == firstText)
    }

    @Test("an event with empty data (a keep-alive) is skipped, not a decoding failure")
    func blankDataEvent() async throws {
        let recorded = try #require(RecordedStream.all.first { $0.provider == .together })
        let oracle = StreamOracle(try recorded.body)
        let (stream, firstText) = try Self.stream("data:\n\ndata:   \n\ndata: \(oracle.events[1])\n\ndata: [DONE]\n\n")
        var received: [String] = []
        for try await chunk in stream { received.append(chunk.text ?? "") }
        #expect(received == [firstText, try #require(oracle.content(1))])
    }
}
