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
    /// The completion's id, as the provider assigned it.
    public var id: String?
    /// `"chat.completion"`.
    public var object: String?
    /// Unix time in seconds.
    public var created: Int?
    /// The model that answered, as the provider names it.
    public var model: String?
    /// The backend configuration that produced the reply, when the provider reports it.
    public var systemFingerprint: String?
    /// The generated choices; one unless the request asked for more.
    public var choices: [Choice]
    /// Tokens used by the prompt and the reply.
    public var usage: TokenUsage?

    /// Creates a reply, as a test double or a cache would; the client decodes real ones.
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
    ///
    /// ```swift
    /// let completion = try await client.inference.chat(request)
    /// for choice in completion.choices { print(choice.index ?? 0, choice.finishReason ?? "?", choice.message.content ?? "") }
    /// ```
    public struct Choice: Sendable, Hashable {
        /// The choice's position among the reply's choices.
        public var index: Int?
        /// The assistant's message.
        public var message: Message
        /// `nil` only if the server left it out.
        public var finishReason: FinishReason?
        /// Log probabilities of the message's tokens, when the request asked for `logprobs`.
        public var logprobs: ChatLogprobs?

        /// Creates a choice.
        public init(index: Int? = 0, message: Message, finishReason: FinishReason? = nil, logprobs: ChatLogprobs? = nil) {
            self.index = index
            self.message = message
            self.finishReason = finishReason
            self.logprobs = logprobs
        }
    }

    /// The generated message.
    ///
    /// ```swift
    /// let message = try await client.inference.chat(request).choices[0].message
    /// print(message.reasoning ?? "", message.content ?? "")
    /// ```
    public struct Message: Sendable, Hashable {
        /// Always ``ChatRole/assistant`` in a reply.
        public var role: ChatRole?
        /// The text; `nil` when the model only called tools.
        public var content: String?
        /// The model's reasoning, when a provider sends it apart from the answer (`reasoning`, or
        /// `reasoning_content` as vLLM, SGLang and DeepSeek name it).
        public var reasoning: String?
        /// The tools the model asked to call, with their arguments as JSON text.
        public var toolCalls: [ToolCall]?

        /// Creates a message.
        public init(role: ChatRole? = .assistant, content: String? = nil, reasoning: String? = nil, toolCalls: [ToolCall]? = nil) {
            self.role = role
            self.content = content
            self.reasoning = reasoning
            self.toolCalls = toolCalls
        }
    }
}
