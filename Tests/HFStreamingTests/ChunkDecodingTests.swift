import Foundation
import HFCore
import HFReplay
import Testing

@testable import HFInference
@testable import HFStreaming

/// The hand-written chunk decoder (the hot path) gives exactly what Foundation's `JSONDecoder`
/// gives through the `Decodable` conformances, on every event of every recorded stream.
@Suite("Chunk decoding")
struct ChunkDecodingTests {
    @Test("hand-written decoding equals JSONDecoder on every recorded event", arguments: RecordedStream.all)
    func parity(_ stream: RecordedStream) throws {
        let oracle = StreamOracle(try stream.body)
        try #require(!oracle.events.isEmpty)
        for event in oracle.events {
            let data = Data(event.utf8)
            let foundation = try JSONDecoder().decode(ChatCompletionChunk.self, from: data)
            let fast = try ChatCompletionChunk(json: JSONParser.parse(data))
            #expect(fast == foundation, "\(event)")
        }
    }

    @Test("the decoded chunks hold the recorded values")
    func values() throws {
        let stream = try #require(RecordedStream.all.first { $0.provider == .together })
        let oracle = StreamOracle(try stream.body)
        let first = try ChatCompletionChunk(json: JSONParser.parse(oracle.events[0]))
        let json = oracle.json(0)
        #expect(first.id == json["id"] as? String)
        #expect(first.object == "chat.completion.chunk")
        #expect(first.created == json["created"] as? Int)
        #expect(first.model == json["model"] as? String)
        #expect(first.choices.first?.delta.role == .assistant)
        #expect(first.text == oracle.content(0))
        let last = try ChatCompletionChunk(json: JSONParser.parse(try #require(oracle.events.last)))
        #expect(last.finishReason == .length)
        #expect(last.usage == TokenUsage(promptTokens: 26, completionTokens: 20, totalTokens: 46))
    }

    static let mismatches: [String] = [
        #"{"choices": "x"}"#,
        #"{"choices": [{"index": "0"}]}"#,
        #"{"choices": [{"delta": {"content": 5}}]}"#,
        #"{"usage": {"prompt_tokens": 1.5}}"#,
        #"{"choices": [{"delta": {}, "logprobs": {"content": [{"logprob": -1}]}}]}"#,
        #"[1]"#,
    ]

    @Test("a value of the wrong type fails in both decoders", arguments: mismatches)
    func mismatch(_ text: String) throws {
        let data = Data(text.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(ChatCompletionChunk.self, from: data) }
        #expect(throws: JSONShapeError.self) { try ChatCompletionChunk(json: JSONParser.parse(data)) }
    }

    @Test("the failure names the path to the bad value")
    func path() throws {
        let error = #expect(throws: JSONShapeError.self) {
            try ChatCompletionChunk(json: JSONParser.parse(#"{"choices": [{"delta": {"tool_calls": [{"index": 0, "type": 3}]}}]}"#))
        }
        #expect(error?.path == "choices[0].delta.tool_calls[0].type")
    }

    @Test("reasoning arrives as `reasoning` or `reasoning_content`; numeric tool-call ids read as text")
    func leniency() throws {
        for key in ["reasoning", "reasoning_content"] {
            let text = #"{"choices": [{"index": 0, "delta": {"\#(key)": "hmm", "tool_calls": [{"index": 0, "id": 0, "function": {"arguments": {"a": 1}}}]}}]}"#
            let data = Data(text.utf8)
            let fast = try ChatCompletionChunk(json: JSONParser.parse(data))
            #expect(fast == (try JSONDecoder().decode(ChatCompletionChunk.self, from: data)))
            #expect(fast.choices.first?.delta.reasoning == "hmm")
            #expect(fast.choices.first?.delta.toolCalls?.first?.id == "0")
            #expect(fast.choices.first?.delta.toolCalls?.first?.function?.arguments == #"{"a":1}"#)
        }
    }
}
