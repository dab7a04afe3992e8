import HFCore

/// A chat completion reply.
///
/// Fields the servers may leave out are optional: hf-inference sends an empty `id`, Together no
/// `system_fingerprint`, some providers no `object` or `usage`.
///
/// ```swift
/// let completion = try await client.inference.chat(request)
/// print(completion.text ?? "")
/// if let calls = completion.choices.first?.message.toolCalls { … }
/// ```
public struct ChatCompletion: Sendable, Hashable {
    public var id: String?
    /// `"chat.completion"`.
    public var object: String?
    /// Unix time in seconds.
    public var created: Int?
    /// The model that answered, as the provider names it.
    public var model: String?
    public var systemFingerprint: String?
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

    /// The first choice's text, the usual answer.
    public var text: String? {
        choices.first?.message.content
    }

    /// One generated answer.
    public struct Choice: Sendable, Hashable {
        public var index: Int?
        public var message: Message
        /// `nil` only if the server left it out.
        public var finishReason: FinishReason?
        public var logprobs: ChatLogprobs?

        public init(index: Int? = 0, message: Message, finishReason: FinishReason? = nil, logprobs: ChatLogprobs? = nil) {
            self.index = index
            self.message = message
            self.finishReason = finishReason
            self.logprobs = logprobs
        }
    }

    /// The generated message.
    public struct Message: Sendable, Hashable {
        public var role: ChatRole?
        /// The text; `nil` when the model only called tools.
        public var content: String?
        /// The model's reasoning, when a provider sends it apart from the answer (`reasoning`, or
        /// `reasoning_content` as vLLM, SGLang and DeepSeek name it).
        public var reasoning: String?
        public var toolCalls: [ToolCall]?

        public init(role: ChatRole? = .assistant, content: String? = nil, reasoning: String? = nil, toolCalls: [ToolCall]? = nil) {
            self.role = role
            self.content = content
            self.reasoning = reasoning
            self.toolCalls = toolCalls
        }
    }
}
