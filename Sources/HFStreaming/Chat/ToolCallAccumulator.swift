import HFInference

/// Joins streamed tool-call fragments into complete calls.
///
/// Fragments are grouped by their `index` (a fragment without one continues the last call); the
/// first fragment of a call brings its id, type and name, later ones more arguments text. A call
/// whose arguments stayed empty gets `"{}"`.
///
/// ```swift
/// var calls = ToolCallAccumulator()
/// for try await chunk in try client.inference.chatStream(request) {
///     calls.add(chunk)
/// }
/// for call in calls.toolCalls { print(call.function.name, call.function.arguments) }
/// ```
public struct ToolCallAccumulator: Sendable {
    private var partial: [Int: Partial] = [:]
    private var order: [Int] = []

    private struct Partial: Sendable {
        var id = ""
        var type = "function"
        var name = ""
        var arguments = ""
    }

    /// Creates an empty accumulator.
    ///
    /// ```swift
    /// var calls = ToolCallAccumulator()
    /// for try await chunk in stream { calls.add(chunk) }
    /// ```
    public init() {}

    /// Adds the tool-call fragments of the first choice of `chunk`.
    public mutating func add(_ chunk: ChatCompletionChunk) {
        guard let choice = chunk.choices.first(where: { ($0.index ?? 0) == 0 }), let deltas = choice.delta.toolCalls else { return }
        add(deltas)
    }

    /// Adds fragments in the order they arrived.
    public mutating func add(_ deltas: [ToolCallDelta]) {
        for delta in deltas {
            let index = delta.index ?? order.last ?? 0
            if partial[index] == nil {
                partial[index] = Partial()
                order.append(index)
            }
            if let id = delta.id, !id.isEmpty { partial[index]?.id = id }
            if let type = delta.type, !type.isEmpty { partial[index]?.type = type }
            // OpenAI sends the name once; llama-cpp-python repeats the whole name in every fragment.
            if let name = delta.function?.name, partial[index]?.name != name { partial[index]?.name += name }
            if let arguments = delta.function?.arguments { partial[index]?.arguments += arguments }
        }
    }

    /// The calls so far, in index order.
    public var toolCalls: [ToolCall] {
        order.sorted().compactMap { index in
            guard let call = partial[index] else { return nil }
            return ToolCall(id: call.id, type: call.type, function: FunctionCall(name: call.name, arguments: call.arguments.isEmpty ? "{}" : call.arguments))
        }
    }
}
