import HFCore
import HFInference

/// One event of a streamed chat completion.
///
/// The last content chunk has a ``Choice/finishReason``; with `stream_options.include_usage` one
/// more chunk follows whose ``choices`` is empty and whose ``usage`` is set.
public struct ChatCompletionChunk: Sendable, Hashable, Decodable {
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

    private enum CodingKeys: String, CodingKey {
        case id, object, created, model, choices, usage
        case systemFingerprint = "system_fingerprint"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        object = try container.decodeIfPresent(String.self, forKey: .object)
        created = try container.decodeIfPresent(Int.self, forKey: .created)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        systemFingerprint = try container.decodeIfPresent(String.self, forKey: .systemFingerprint)
        choices = try container.decodeIfPresent([Choice].self, forKey: .choices) ?? []
        usage = try container.decodeIfPresent(TokenUsage.self, forKey: .usage)
    }

    /// One choice's part of the chunk.
    public struct Choice: Sendable, Hashable, Decodable {
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

        private enum CodingKeys: String, CodingKey {
            case index, delta, logprobs
            case finishReason = "finish_reason"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            index = try container.decodeIfPresent(Int.self, forKey: .index)
            delta = try container.decodeIfPresent(Delta.self, forKey: .delta) ?? Delta()
            finishReason = try container.decodeIfPresent(FinishReason.self, forKey: .finishReason)
            logprobs = try container.decodeIfPresent(ChatLogprobs.self, forKey: .logprobs)
        }
    }

    /// What a chunk adds to a choice's message.
    public struct Delta: Sendable, Hashable, Decodable {
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

        private enum CodingKeys: String, CodingKey {
            case role, content, reasoning
            case reasoningContent = "reasoning_content"
            case toolCalls = "tool_calls"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            role = try container.decodeIfPresent(ChatRole.self, forKey: .role)
            content = try container.decodeIfPresent(String.self, forKey: .content)
            reasoning = try container.decodeIfPresent(String.self, forKey: .reasoning)
                ?? container.decodeIfPresent(String.self, forKey: .reasoningContent)
            toolCalls = try container.decodeIfPresent([ToolCallDelta].self, forKey: .toolCalls)
        }
    }
}
