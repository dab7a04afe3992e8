import HFCore

/// Why a choice stopped. Open: text-generation servers add their own values.
///
/// ```swift
/// let completion = try await client.inference.chat(request)
/// if completion.choices.first?.finishReason == .length { print("cut short: raise maxTokens") }
/// ```
public struct FinishReason: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The model ended its answer, or hit a stop sequence.
    public static let stop: FinishReason = "stop"
    /// `max_tokens` was reached; the answer is cut short.
    public static let length: FinishReason = "length"
    /// The model called one or more tools.
    public static let toolCalls: FinishReason = "tool_calls"
    /// The provider filtered the content.
    public static let contentFilter: FinishReason = "content_filter"
    /// Deprecated OpenAI form of ``toolCalls``.
    public static let functionCall: FinishReason = "function_call"
    /// Text-generation servers: the model emitted its end-of-sequence token.
    public static let eosToken: FinishReason = "eos_token"
    /// Text-generation servers: a stop sequence was generated.
    public static let stopSequence: FinishReason = "stop_sequence"
}
