import Foundation
import HFCore
import HFInference
import HFTestSupport
import Testing

import HFStreaming

/// Streamed tool-call fragments joined into complete calls, as OpenAI-style providers send them:
/// the first fragment of a call with its id, type and name, then pieces of the arguments.
@Suite("Tool-call accumulation")
struct ToolCallAccumulatorTests {
    static func chunk(_ deltas: [ToolCallDelta]) -> ChatCompletionChunk {
        ChatCompletionChunk(choices: [.init(index: 0, delta: .init(toolCalls: deltas))])
    }

    @Test("fragments by index become complete calls, in index order")
    func accumulate() throws {
        var calls = ToolCallAccumulator()
        calls.add(Self.chunk([ToolCallDelta(index: 0, id: "call_a", type: "function", function: .init(name: "get_weather", arguments: ""))]))
        calls.add(Self.chunk([ToolCallDelta(index: 0, function: .init(arguments: "{\"ci"))]))
        calls.add(Self.chunk([ToolCallDelta(index: 1, id: "call_b", type: "function", function: .init(name: "get_time"))]))
        calls.add(Self.chunk([ToolCallDelta(index: 0, function: .init(arguments: "ty\":\"Paris\"}"))]))
        calls.add(ChatCompletionChunk(choices: [.init(index: 0, delta: .init(content: "ignored"), finishReason: .toolCalls)]))

        #expect(calls.toolCalls == [
            ToolCall(id: "call_a", function: FunctionCall(name: "get_weather", arguments: "{\"city\":\"Paris\"}")),
            ToolCall(id: "call_b", function: FunctionCall(name: "get_time", arguments: "{}")),
        ])
        #expect(try calls.toolCalls[0].function.parsedArguments() == ["city": "Paris"])
    }

    @Test("llama.cpp's stream, which repeats the whole name in every fragment, gives the name once (Fixtures/ORIGIN.md)")
    func repeatedName() throws {
        let events = String(decoding: try Fixture.data("llamacpp-tool-call-stream.txt"), as: UTF8.self).components(separatedBy: "\n\n")
            .filter { $0.hasPrefix("data: {") }
            .map { Data($0.dropFirst("data: ".count).utf8) }
        #expect(events.count == 17)
        var calls = ToolCallAccumulator()
        for event in events { calls.add(try JSONDecoder().decode(ChatCompletionChunk.self, from: event)) }
        let call = try #require(calls.toolCalls.only)
        #expect(call.function.name == "get_weather")
        #expect(call.id.hasPrefix("call__0_get_weather_cmpl-"))
        #expect(try call.function.parsedArguments() == ["city": "Rome"])
    }

    @Test("fragments without an index continue the last call")
    func missingIndex() {
        var calls = ToolCallAccumulator()
        calls.add([ToolCallDelta(index: nil, id: "x", function: .init(name: "f", arguments: "{\"a\":"))])
        calls.add([ToolCallDelta(index: nil, function: .init(arguments: "1}"))])
        #expect(calls.toolCalls == [ToolCall(id: "x", function: FunctionCall(name: "f", arguments: "{\"a\":1}"))])
    }

    @Test("a chunk without tool calls, or only for another choice, adds nothing")
    func nothing() {
        var calls = ToolCallAccumulator()
        calls.add(ChatCompletionChunk(choices: []))
        calls.add(ChatCompletionChunk(choices: [.init(index: 1, delta: .init(toolCalls: [ToolCallDelta(index: 0, id: "y")]))]))
        #expect(calls.toolCalls.isEmpty)
    }
}
