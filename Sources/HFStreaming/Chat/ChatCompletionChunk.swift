import HFCore
import HFInference

/// One event of a streamed chat completion.
///
/// The last content chunk has a ``Choice/finishReason``; with `stream_options.include_usage` one
/// more chunk follows whose ``choices`` is empty and whose ``usage`` is set.
public struct ChatCompletionChunk: Sendable, Hashable {
    public var id: String?
    /// `"chat.completion.chunk"`.
    public var object: String?
    /// Unix time in seconds.
    public var created: Int?
    public var model: String?
    public var systemFingerprint: String?
    /// Empty in the final usage chunk.
    public var choices: [Choice]
    public var usage: TokenUsage?

    public init(id: String? = nil, object: String? = nil, created: Int? = nil, model: String? = nil, systemFingerprint: String? = nil, choices: [Choice], usage: TokenUsage? = nil) {
        self.id = id
        self.object = object
        self.created = created
        self.model = model
        self.systemFingerprint = systemFingerprint
        self.choices = choices
        self.usage = usage
    }

    /// The text this chunk adds to the first choice.
    public var text: String? {
        choices.first { ($0.index ?? 0) == 0 }?.delta.content
    }

    /// The finish reason of the first choice, on its last chunk.
    public var finishReason: FinishReason? {
        choices.first { ($0.index ?? 0) == 0 }?.finishReason
    }

    /// One choice's part of the chunk.
    public struct Choice: Sendable, Hashable {
        public var index: Int?
        public var delta: Delta
        /// Set on the choice's last chunk.
        public var finishReason: FinishReason?
        public var logprobs: ChatLogprobs?

        public init(index: Int? = 0, delta: Delta, finishReason: FinishReason? = nil, logprobs: ChatLogprobs? = nil) {
            self.index = index
            self.delta = delta
            self.finishReason = finishReason
            self.logprobs = logprobs
        }
    }

    /// What a chunk adds to a choice's message.
    public struct Delta: Sendable, Hashable {
        public var role: ChatRole?
        public var content: String?
        /// Reasoning text, when a provider streams it apart (`reasoning` or `reasoning_content`).
        public var reasoning: String?
        /// Fragments of tool calls; accumulate them with ``ToolCallAccumulator``.
        public var toolCalls: [ToolCallDelta]?

        public init(role: ChatRole? = nil, content: String? = nil, reasoning: String? = nil, toolCalls: [ToolCallDelta]? = nil) {
            self.role = role
            self.content = content
            self.reasoning = reasoning
            self.toolCalls = toolCalls
        }
    }
}
