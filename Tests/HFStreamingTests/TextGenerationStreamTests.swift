import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing
@_spi(JSONReader) import HFJSON

@testable import HFInference
@testable import HFStreaming

/// Streamed text generation. The recordings hold no text-generation token stream; the request side
/// and the non-streamed fallback are checked on recorded traffic, the token events' decoding on the
/// documented shape (protocol notes §5.3), as values.
@Suite("Text generation streams")
struct TextGenerationStreamTests {
    @Test("the request asks for a stream; a server that answers whole is read as one final event")
    func wholeReply() async throws {
        let recorded = try RecordedCase.load("legacy.InferenceClientVCRTest.test_conversational")
        let server = try ReplayServer()
        server.serve(recorded.interactions[0], at: Route("POST", "https://router.huggingface.co/hf-inference/models/facebook/blenderbot-400M-distill"))
        let client = HFClient.replaying(server)
        var request = TextGenerationRequest(inputs: "Hi, who are you?")
        request.parameters.maxNewTokens = 10

        let events = try await collect(try client.inference.textGenerationStream(request, via: .model("facebook/blenderbot-400M-distill")))

        try #require(events.count == 1)
        #expect(events[0].generatedText == "I am the one who knocks.")
        #expect(events[0].text == "I am the one who knocks.")
        let sent = try #require(server.requests.first)
        #expect(sent.header("Accept") == "text/event-stream")
        #expect(try sent.jsonBody() == ["inputs": "Hi, who are you?", "parameters": ["max_new_tokens": 10], "stream": true])
    }

    @Test("an error reply to a streaming request is typed")
    func error() async throws {
        let recorded = try RecordedCase.load("legacy.InferenceClientVCRTest.test_unprocessable_entity_error")
        let server = try ReplayServer()
        server.serve(recorded.interactions[0], at: Route("POST", "https://router.huggingface.co/hf-inference/models/HuggingFaceH4/zephyr-7b-alpha"))
        let stream = try HFClient.replaying(server).inference.textGenerationStream(TextGenerationRequest(inputs: "Hi"), via: .model("HuggingFaceH4/zephyr-7b-alpha"))
        let failure = await #expect(throws: HFError.self) { try await collect(stream) }
        #expect(failure?.category == .api)
        #expect(failure?.status == 422)
    }

    static let documented = [
        #"{"index": 3, "token": {"id": 1234, "text": " the", "logprob": -0.5, "special": false}, "top_tokens": [], "generated_text": null, "details": null}"#,
        #"{"index": 4, "token": {"id": 2, "text": "</s>", "logprob": -0.1, "special": true}, "generated_text": "Once upon a time the", "details": {"finish_reason": "eos_token", "generated_tokens": 4, "input_length": 5, "seed": 1}}"#,
    ]

    @Test("token events decode the same by hand and with JSONDecoder; special tokens add no text")
    func tokenEvents() throws {
        let events = try Self.documented.map { text in
            let data = Data(text.utf8)
            let fast = try TextGenerationStreamOutput(json: data)
            #expect(fast == (try JSONDecoder().decode(TextGenerationStreamOutput.self, from: data)))
            return fast
        }
        #expect(events[0].text == " the")
        #expect(events[0].token?.logprob == -0.5)
        #expect(events[1].text == nil)
        #expect(events[1].details?.finishReason == .eosToken)
        #expect(events[1].details?.inputLength == 5)
        #expect(StreamCodec.textGeneration.isFinal(events[1]))
        #expect(!StreamCodec.textGeneration.isFinal(events[0]))
    }

    @Test("an error event after a token: the token, then the typed error with the text so far")
    func errorEvent() async throws {
        let body = Data("data: \(Self.documented[0])\n\ndata: {\"error\": \"Model is overloaded\", \"error_type\": \"overloaded\"}\n\n".utf8)
        let client = HFClient(configuration: HFConfiguration(token: testToken, environment: .empty))
        let head = HTTPResponseHead(status: 200, headers: ["Content-Type": "text/event-stream"])
        let stream = InferenceStream(client: client, codec: .textGeneration) {
            OpenedStream(response: HTTPStreamingResponse(head: head, body: HTTPBodyStream(data: body)), context: client.context(.textGenerationStream, streaming: true))
        }
        var received: [String] = []
        let error = await #expect(throws: HFError.self) {
            for try await event in stream { received.append(event.text ?? "") }
        }
        #expect(received == [" the"])
        #expect(error?.category == .modelUnavailable)
        #expect(error?.message == "Model is overloaded")
        #expect(error?.partialOutput == " the")
    }

    @Test("a seed above Int64.max (TGI reports random 64-bit seeds) is read exactly")
    func largeSeed() throws {
        let event = #"{"index": 4, "token": {"id": 2, "text": "</s>", "logprob": -0.1, "special": true}, "generated_text": "Hi", "details": {"finish_reason": "eos_token", "generated_tokens": 1, "seed": 12345678901234567890}}"#
        let decoded = try TextGenerationStreamOutput(json: Data(event.utf8))
        #expect(decoded.details?.seed == 12_345_678_901_234_567_890)
        let viaDecoder = try JSONDecoder().decode(TextGenerationStreamOutput.self, from: Data(event.utf8))
        #expect(viaDecoder.details?.seed == 12_345_678_901_234_567_890)
    }
}
