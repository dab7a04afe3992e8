import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFInference
@testable import HFStreaming

/// Every recorded streamed chat, replayed through the client: the request we send, and the chunks,
/// text, finish reason and usage we read, against an independent reading of the recorded body.
@Suite("Recorded chat streams")
struct ChatStreamRecordedTests {
    @Test("chunks, text, finish reason and usage; the request says stream", arguments: RecordedStream.all)
    func stream(_ stream: RecordedStream) async throws {
        let server = try stream.server()
        let client = HFClient.replaying(server)
        let oracle = StreamOracle(try stream.body)

        var chunks: [ChatCompletionChunk] = []
        for try await chunk in try client.inference.chatStream(try stream.request, via: .provider(stream.provider)) {
            chunks.append(chunk)
        }

        #expect(chunks.count == oracle.events.count)
        #expect(chunks.compactMap(\.text).joined() == oracle.text)
        #expect(!oracle.text.isEmpty)
        #expect(chunks.last { $0.finishReason != nil }?.finishReason?.rawValue == oracle.finishReason)
        if let usage = oracle.usage {
            #expect(chunks.last { $0.usage != nil }?.usage == TokenUsage(
                promptTokens: usage["prompt_tokens"] as? Int, completionTokens: usage["completion_tokens"] as? Int, totalTokens: usage["total_tokens"] as? Int
            ))
        }
        let post = try #require(server.requests.last)
        #expect(server.unmatchedRequests.isEmpty)
        #expect(post.header("Accept") == "text/event-stream")
        let body = try post.jsonBody()
        let recordedBody = try stream.chat.request.jsonBody()
        #expect(body.objectValue?.keys.first == "model")
        #expect(body["stream"] == true)
        #expect(body["max_tokens"] == recordedBody["max_tokens"])
        #expect(body["messages"] == recordedBody["messages"])
        if recordedBody["model"] != "tgi" {
            #expect(body["model"] == recordedBody["model"])
            #expect(post.path == (try stream.chat.request.url.path))
        }
    }

    @Test("the text-only view and collectText agree with the chunks", arguments: RecordedStream.all.prefix(3))
    func text(_ stream: RecordedStream) async throws {
        let server = try stream.server()
        let client = HFClient.replaying(server)
        let oracle = StreamOracle(try stream.body)
        var pieces: [String] = []
        for try await piece in try client.inference.chatStream(try stream.request, via: .provider(stream.provider)).text {
            pieces.append(piece)
        }
        #expect(pieces.joined() == oracle.text)
        #expect(pieces.allSatisfy { !$0.isEmpty })
        let collected = try await client.inference.chatStream(try stream.request, via: .provider(stream.provider)).collectText()
        #expect(collected == oracle.text)
    }

    @Test("a stream that ends without [DONE] after its finish reason ends normally", arguments: RecordedStream.all.filter { $0.provider == .cerebras || $0.stem.hasPrefix("legacy") })
    func endsWithoutDone(_ stream: RecordedStream) async throws {
        #expect(!String(decoding: try stream.body, as: UTF8.self).contains("[DONE]"))
        let server = try stream.server()
        let text = try await HFClient.replaying(server).inference.chatStream(try stream.request, via: .provider(stream.provider)).collectText()
        #expect(text == StreamOracle(try stream.body).text)
    }

    @Test("the one-line stream sends a user message (and an optional system message)")
    func oneLiner() async throws {
        let stream = try #require(RecordedStream.all.first { $0.stem == "TestOpenAICompatibility.test_with_stream_true" })
        let server = try stream.server()
        let client = HFClient.replaying(server)
        let text = try await client.inference.chatStream("Count to 10", model: .llama3_8BInstruct, system: "You are a helpful assistant.", via: .provider(.hfInference)).collectText()
        #expect(text == StreamOracle(try stream.body).text)
        let body = try #require(try server.requests.last?.jsonBody())
        #expect(body["messages"] == (try stream.chat.request.jsonBody())["messages"])
    }

    @Test("stream_options are sent when asked for")
    func streamOptions() async throws {
        let stream = try #require(RecordedStream.all.first { $0.provider == .cerebras })
        let server = try stream.server()
        var request = try stream.request
        request.streamOptions = StreamOptions(includeUsage: true)
        let chunks = try await collect(try HFClient.replaying(server).inference.chatStream(request, via: .provider(.cerebras)))
        #expect(try server.requests.last?.jsonBody()["stream_options"] == ["include_usage": true])
        #expect(chunks.last?.usage?.totalTokens == 66)
    }

    @Test("a streaming request answered with one whole completion yields it as one chunk")
    func wholeReply() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_hf-inference_conversational")
        let chat = try #require(recorded.inferenceInteraction)
        let server = try ReplayServer(case: recorded)
        let request = ChatCompletionRequest(model: .llama3_1_8BInstruct, messages: [.user("What is deep learning?")])
        let chunks = try await collect(try HFClient.replaying(server).inference.chatStream(request, via: .provider(.hfInference)))
        let reply = try chat.response.jsonBody()
        try #require(chunks.count == 1)
        #expect(chunks[0].text == reply["choices"]?[0]?["message"]?["content"]?.stringValue)
        #expect(chunks[0].finishReason == .stop)
        #expect(chunks[0].usage?.totalTokens == reply["usage"]?["total_tokens"]?.intValue)
    }

    @Test("an error reply to a streaming request is thrown at the first read, typed")
    func unauthorized() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_unprocessable_entity")
        let server = try ReplayServer(case: recorded)
        let request = ChatCompletionRequest(model: "meta-llama/Meta-Llama-3-70B-Instruct", messages: [.user("Hi")])
        let stream = try HFClient.replaying(server).inference.chatStream(request, via: .provider(.hfInference))
        let error = await #expect(throws: HFError.self) { try await collect(stream) }
        #expect(error?.category == .authentication)
        #expect(error?.message == "Invalid username or password.")
    }

    @Test("a JSON error body sent with a 2xx status becomes a typed error, not a decoding failure")
    func errorBodyWithSuccessStatus() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_unprocessable_entity")
        let server = try ReplayServer(case: recorded, plan: .status(200))
        let request = ChatCompletionRequest(model: "meta-llama/Meta-Llama-3-70B-Instruct", messages: [.user("Hi")])
        let stream = try HFClient.replaying(server).inference.chatStream(request, via: .provider(.hfInference))
        let error = await #expect(throws: HFError.self) { try await collect(stream) }
        #expect(error?.category == .api)
        #expect(error?.message == "Invalid username or password.")
        #expect(error?.requestID == recorded.interactions[1].response.headers["x-request-id"])
    }

    @Test("validation happens when the stream is made, before anything is sent")
    func validation() throws {
        let client = HFClient(configuration: HFConfiguration(token: "hf_test", environment: .init(variables: [:], homeDirectory: nil, workingDirectory: URL(fileURLWithPath: "/nonexistent"))))
        let error = #expect(throws: HFError.self) {
            try client.inference.chatStream(ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")], temperature: 3))
        }
        #expect(error?.field == "temperature")
    }
}

/// Every element of `stream`.
func collect<Element>(_ stream: InferenceStream<Element>) async throws -> [Element] {
    var elements: [Element] = []
    for try await element in stream { elements.append(element) }
    return elements
}
