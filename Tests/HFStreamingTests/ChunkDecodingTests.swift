import Foundation
import HFCore
import HFReplay
@_spi(JSONReader) import HFTestSupport
import Testing
@_spi(JSONReader) import HFJSON

@testable import HFInference
@testable import HFStreaming

/// The hand-written chunk reader (the hot path, reading each event's bytes with `JSONReader`) is the
/// one description of a chunk: a caller's own `JSONDecoder` reads through it (the `Decodable`
/// conformances bridge to it) to the same value, on every event of every recorded stream.
@Suite("Chunk decoding")
struct ChunkDecodingTests {
    @Test("a caller's JSONDecoder, through the bridge, reads every recorded event as the reader does", arguments: RecordedStream.all)
    func parity(_ stream: RecordedStream) throws {
        let oracle = StreamOracle(try stream.body)
        try #require(!oracle.events.isEmpty)
        for event in oracle.events {
            let data = Data(event.utf8)
            let foundation = try JSONDecoder().decode(ChatCompletionChunk.self, from: data)
            let fast = try ChatCompletionChunk(json: data)
            #expect(fast == foundation, "\(event)")
        }
    }

    @Test("the decoded chunks hold the recorded values")
    func values() throws {
        let stream = try #require(RecordedStream.all.first { $0.provider == .together })
        let oracle = StreamOracle(try stream.body)
        let first = try ChatCompletionChunk(json: Data(oracle.events[0].utf8))
        let json = oracle.json(0)
        #expect(first.id == json["id"] as? String)
        #expect(first.object == "chat.completion.chunk")
        #expect(first.created == json["created"] as? Int)
        #expect(first.model == json["model"] as? String)
        #expect(first.choices.first?.delta.role == .assistant)
        #expect(first.text == oracle.content(0))
        let last = try ChatCompletionChunk(json: Data(try #require(oracle.events.last).utf8))
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
        #"{"choices": [{"delta": {"reasoning_content": 1}}]}"#,
        #"{"choices": [{"delta": {"tool_calls": [{"function": {"name": []}}]}}]}"#,
        #"{"choices": [{"finish_reason": {}}]}"#,
        #"null"#,
    ]

    @Test("a value of the wrong type fails in both decoders", arguments: mismatches)
    func mismatch(_ text: String) throws {
        let data = Data(text.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(ChatCompletionChunk.self, from: data) }
        let error = #expect(throws: JSONDecodingError.self) { try ChatCompletionChunk(json: data) }
        #expect(error?.shape != nil, "\(String(describing: error))")
    }

    @Test("the failure names the path to the bad value", arguments: [
        (#"{"choices": [{"delta": {"tool_calls": [{"index": 0, "type": 3}]}}]}"#, "choices[0].delta.tool_calls[0].type"),
        (#"{"id": "a", "choices": [{"delta": {}}, {"delta": {"reasoning_content": 1}}]}"#, "choices[1].delta.reasoning_content"),
        (#"{"choices": [{"delta": {}, "logprobs": {"content": [{"token": "a", "logprob": -1, "top_logprobs": [{"token": "b"}]}]}}]}"#, "choices[0].logprobs.content[0].top_logprobs[0].logprob"),
        (#"{"usage": {"total_tokens": "3"}}"#, "usage.total_tokens"),
    ])
    func path(_ text: String, _ path: String) throws {
        let error = #expect(throws: JSONDecodingError.self) { try ChatCompletionChunk(json: Data(text.utf8)) }
        #expect(error?.shape?.path == path)
    }

    @Test("`reasoning` wins over `reasoning_content`, whose type then goes unchecked, as with JSONDecoder")
    func reasoningPrecedence() throws {
        let data = Data(#"{"choices": [{"delta": {"reasoning_content": 1, "reasoning": "r", "content": null}}]}"#.utf8)
        let fast = try ChatCompletionChunk(json: data)
        #expect(fast == (try JSONDecoder().decode(ChatCompletionChunk.self, from: data)))
        #expect(fast.choices.first?.delta.reasoning == "r")
    }

    @Test("an event whose `error` member is set is refused, so the stream reads it as the error; `null` is no error")
    func errorMember() throws {
        #expect(throws: JSONDecodingError.self) {
            try ChatCompletionChunk(json: Data(#"{"id": "x", "choices": [], "error": {"message": "overloaded"}}"#.utf8))
        }
        #expect(throws: JSONDecodingError.self) { try ChatCompletionChunk(json: Data(#"{"error": "boom"}"#.utf8)) }
        let chunk = try ChatCompletionChunk(json: Data(#"{"id": "x", "error": null, "choices": []}"#.utf8))
        #expect(chunk.id == "x")
    }

    @Test("every cut of every recorded event throws a syntax error, never crashes", arguments: RecordedStream.all)
    func truncated(_ stream: RecordedStream) async throws {
        let oracle = StreamOracle(try stream.body)
        // Tens of thousands of failures: worked off the test runner's small pool, then checked once.
        let (cuts, misread) = try await offCooperativePool { () -> (Int, [String]) in
            var cuts = 0
            var misread: [String] = []
            for event in oracle.events {
                let bytes = Array(event.utf8)
                for length in 0..<bytes.count {
                    cuts += 1
                    do {
                        _ = try ChatCompletionChunk(json: Data(bytes[..<length]))
                        misread.append("decoded a cut at \(length) of \(event)")
                    } catch let error as JSONDecodingError where error.syntax != nil {
                        // The expected failure.
                    } catch {
                        misread.append("not a syntax error at \(length) of \(event): \(error)")
                    }
                }
            }
            return (cuts, misread)
        }
        #expect(cuts > 100)
        #expect(misread.isEmpty, "\(misread.prefix(5))")
    }

    @Test("reasoning arrives as `reasoning` or `reasoning_content`; numeric tool-call ids read as text")
    func leniency() throws {
        for key in ["reasoning", "reasoning_content"] {
            let text = #"{"choices": [{"index": 0, "delta": {"\#(key)": "hmm", "tool_calls": [{"index": 0, "id": 0, "function": {"arguments": {"a": 1}}}]}}]}"#
            let data = Data(text.utf8)
            let fast = try ChatCompletionChunk(json: data)
            #expect(fast == (try JSONDecoder().decode(ChatCompletionChunk.self, from: data)))
            #expect(fast.choices.first?.delta.reasoning == "hmm")
            #expect(fast.choices.first?.delta.toolCalls?.first?.id == "0")
            #expect(fast.choices.first?.delta.toolCalls?.first?.function?.arguments == #"{"a":1}"#)
        }
    }
}
