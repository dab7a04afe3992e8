import Foundation
import HFCore
import HFReplay
@_spi(JSONReader) import HFTestSupport
import Testing
@_spi(JSONReader) import HFJSON

@testable import HFInference

/// `chat(_:)` decodes replies with `JSONReader` (`ChatCompletion(json:)`), the one description of a
/// reply; a caller's `JSONDecoder` reads through it (the `Decodable` conformances bridge to it).
/// This checks both give the same value on every recorded reply, and refuse the same bad ones.
@Suite("Chat reply decoding")
struct ChatReplyDecodingTests {
    /// One recorded non-streamed chat reply.
    struct Reply: Sendable, CustomTestStringConvertible {
        let stem: String
        let body: Data
        var testDescription: String { stem }
    }

    /// Every 2xx JSON answer to a chat completion request that did not ask to stream, in every
    /// recording.
    static let replies: [Reply] = {
        let cases = (try? RecordedCase.all()) ?? []
        return cases.flatMap { recorded in
            recorded.interactions.compactMap { interaction -> Reply? in
                let request = interaction.request, response = interaction.response
                guard request.method == "POST", request.url.path.hasSuffix("/chat/completions"),
                    (200..<300).contains(response.status), response.contentType?.hasPrefix("application/json") == true,
                    (try? JSONParser.parse(request.body ?? Data()))?["stream"] != .bool(true)
                else { return nil }
                return Reply(stem: recorded.fileStem, body: response.body)
            }
        }
    }()

    @Test("the recordings hold the non-streamed chat replies of every provider")
    func coverage() {
        // 8 provider cases, 2 non-TGI, the legacy ones, OpenAI compatibility, tools, response format.
        #expect(Self.replies.count >= 16)
    }

    @Test("a caller's JSONDecoder, through the bridge, reads every recorded chat reply as the reader does", arguments: replies)
    func parity(_ reply: Reply) throws {
        let foundation = try JSONDecoder().decode(ChatCompletion.self, from: reply.body)
        let fast = try ChatCompletion(json: reply.body)
        #expect(fast == foundation)
        #expect(!fast.choices.isEmpty)
    }

    static let mismatches: [String] = [
        #"{"id": "x"}"#,
        #"{"choices": null}"#,
        #"{"choices": [{"index": 0}]}"#,
        #"{"choices": [{"message": {"content": 5}}]}"#,
        #"{"choices": [{"message": {"role": 1}}]}"#,
        #"{"choices": [{"message": {"tool_calls": [{"id": "a"}]}}]}"#,
        #"{"choices": [{"message": {"tool_calls": [{"id": "a", "function": {"arguments": "{}"}}]}}]}"#,
        #"{"choices": [{"message": {}, "logprobs": {"content": [{"token": "a"}]}}]}"#,
        #"{"choices": [{"message": {}, "logprobs": {"content": [{"token": "a", "logprob": -1, "top_logprobs": [{"logprob": -2}]}]}}]}"#,
        #"{"choices": [{"message": {}}], "usage": {"total_tokens": 1.5}}"#,
        #"{"choices": [{"message": {}}], "created": "today"}"#,
        #"[]"#,
    ]

    @Test("a missing required member or a value of the wrong type fails in both decoders", arguments: mismatches)
    func mismatch(_ text: String) {
        let data = Data(text.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(ChatCompletion.self, from: data) }
        let error = #expect(throws: JSONDecodingError.self) { try ChatCompletion(json: data) }
        #expect(error?.shape != nil, "\(String(describing: error))")
    }

    @Test("the same leniency as Decodable: numeric tool-call ids, object arguments, missing type, reasoning_content")
    func leniency() throws {
        let text = #"{"choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "reasoning_content": "hmm", "tool_calls": [{"id": 7, "function": {"name": "f", "arguments": {"a": 1, "b": [true]}}}]}}], "unknown": {"x": [1, 2]}}"#
        let data = Data(text.utf8)
        let fast = try ChatCompletion(json: data)
        #expect(fast == (try JSONDecoder().decode(ChatCompletion.self, from: data)))
        let call = try #require(fast.choices.first?.message.toolCalls?.first)
        #expect(call.id == "7")
        #expect(call.type == "function")
        #expect(call.function.arguments == #"{"a":1,"b":[true]}"#)
        #expect(fast.choices.first?.message.reasoning == "hmm")
        #expect(fast.choices.first?.finishReason == .toolCalls)
    }

    @Test("a failure names the path to the bad value")
    func path() {
        let error = #expect(throws: JSONDecodingError.self) {
            try ChatCompletion(json: Data(#"{"choices": [{"message": {}}, {"message": {"tool_calls": [{"function": {"name": 3}}]}}]}"#.utf8))
        }
        #expect(error?.shape?.path == "choices[1].message.tool_calls[0].function.name")
    }
}
