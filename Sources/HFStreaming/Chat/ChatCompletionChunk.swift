import HFCore
import HFInference

/// One event of a streamed chat completion.
///
/// The last content chunk has a ``Choice/finishReason``; with `stream_options.include_usage` one
/// more chunk follows whose ``choices`` is empty and whose ``usage`` is set.
///
/// ```swift
/// for try await chunk in try client.inference.chatStream(request) {
///     print(chunk.text ?? "", terminator: "")
///     if let reason = chunk.finishReason { print("\n(\(reason))") }
/// }
/// ```
public struct ChatCompletionChunk: Sendable, Hashable {
    /// The completion's id, the same on every chunk of a stream.
    public var id: String?
    /// `"chat.completion.chunk"`.
    public var object: String?
    /// Unix time in seconds.
    public var created: Int?
    /// The model that answered, as the provider names it.
    public var model: String?
    /// The backend configuration, when the provider reports it.
    public var systemFingerprint: String?
    /// Empty in the final usage chunk.
    public var choices: [Choice]
    /// Token usage: on the last chunk (or a final usage-only chunk), when the provider sends it.
    public var usage: TokenUsage?

    /// Creates a chunk, as a test double would; the client decodes real ones.
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
    ///
    /// ```swift
    /// let reasons = chunk.choices.compactMap(\.finishReason)
    /// ```
    public struct Choice: Sendable, Hashable {
        /// The choice's position.
        public var index: Int?
        /// What this chunk adds to the choice's message.
        public var delta: Delta
        /// Set on the choice's last chunk.
        public var finishReason: FinishReason?
        /// Log probabilities of this chunk's tokens, when asked for.
        public var logprobs: ChatLogprobs?

        /// Creates a choice's chunk.
        public init(index: Int? = 0, delta: Delta, finishReason: FinishReason? = nil, logprobs: ChatLogprobs? = nil) {
            self.index = index
            self.delta = delta
            self.finishReason = finishReason
            self.logprobs = logprobs
        }
    }

    /// What a chunk adds to a choice's message.
    ///
    /// ```swift
    /// let thinking = chunk.choices.first?.delta.reasoning ?? ""
    /// ```
    public struct Delta: Sendable, Hashable {
        /// The role, usually on the first chunk only.
        public var role: ChatRole?
        /// The text this chunk adds.
        public var content: String?
        /// Reasoning text, when a provider streams it apart (`reasoning` or `reasoning_content`).
        public var reasoning: String?
        /// Fragments of tool calls; accumulate them with ``ToolCallAccumulator``.
        public var toolCalls: [ToolCallDelta]?

        /// Creates a delta.
        public init(role: ChatRole? = nil, content: String? = nil, reasoning: String? = nil, toolCalls: [ToolCallDelta]? = nil) {
            self.role = role
            self.content = content
            self.reasoning = reasoning
            self.toolCalls = toolCalls
        }
    }
}
