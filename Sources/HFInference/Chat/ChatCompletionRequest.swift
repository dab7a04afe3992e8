import HFCore

/// A chat completion request, shared by ``InferenceAPI/chat(_:via:)`` and the streaming call
/// (`chatStream`, HFStreaming), which sets `stream` itself.
///
/// Encoded with `model` first (the router picks a provider from the first bytes of the body) and
/// without the fields left `nil`.
///
/// ```swift
/// var request = ChatCompletionRequest(model: .llama3_3_70BInstruct, messages: [
///     .system("You are a helpful assistant."),
///     .user("What is deep learning?"),
/// ])
/// request.maxTokens = 200
/// request.temperature = 0.7
/// request.extraFields["reasoning_effort"] = "low"      // anything the provider accepts
/// ```
public struct ChatCompletionRequest: Sendable, Hashable, Encodable {
    /// `namespace/name`, optionally with `:provider` or a policy (`:fastest`, `:cheapest`,
    /// `:preferred`). For ``ChatTarget/endpoint(_:)`` any name the server knows.
    public var model: ModelID
    /// The conversation; at least one message.
    public var messages: [ChatMessage]
    /// −2…2: penalise tokens by how often they already appeared.
    public var frequencyPenalty: Double?
    /// −2…2: penalise tokens that already appeared at all.
    public var presencePenalty: Double?
    /// Above 0 (1 = none): the text-generation-server style penalty. Not part of the OpenAI API:
    /// send it only to servers that take it (TGI, vLLM, together…); others may reject it.
    public var repetitionPenalty: Double?
    /// Return the log-probability of each generated token.
    public var logprobs: Bool?
    /// 0…5: also return this many most likely alternatives per token; needs `logprobs`.
    public var topLogprobs: Int?
    /// At least 1: the most tokens to generate.
    public var maxTokens: Int?
    /// At least 1: how many choices to generate (most providers support only 1).
    public var n: Int?
    /// The shape of the reply: text, any JSON object, or JSON matching a schema.
    public var responseFormat: ResponseFormat?
    /// For reproducible sampling, where the provider supports it.
    public var seed: Int?
    /// Up to 4 sequences where generation stops.
    public var stop: [String]?
    /// Streaming only: ask for a final usage chunk. Left out of non-streamed requests, which
    /// OpenAI-compatible servers refuse with it.
    public var streamOptions: StreamOptions?
    /// 0…2: higher is more random.
    public var temperature: Double?
    /// 0…1: nucleus sampling.
    public var topP: Double?
    /// Whether and which tool to call; a named function must be one of ``tools``.
    public var toolChoice: ToolChoice?
    /// Text-generation servers: text inserted before the tool definitions.
    public var toolPrompt: String?
    /// The tools the model may call.
    public var tools: [ChatTool]?
    /// More top-level fields, for what a provider accepts beyond the fields above (for example
    /// `reasoning_effort`). They are written after the others and win over them, but never
    /// replace `model`, `messages` or `stream`.
    public var extraFields: JSONObject

    /// Set by the call: `false` for ``InferenceAPI/chat(_:via:)``, `true` when streaming.
    package var stream: Bool?

    /// Creates a request; set the other parameters on the value afterwards.
    ///
    /// ```swift
    /// var request = ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")])
    /// request.maxTokens = 100
    /// ```
    public init(
        model: ModelID,
        messages: [ChatMessage],
        frequencyPenalty: Double? = nil,
        presencePenalty: Double? = nil,
        repetitionPenalty: Double? = nil,
        logprobs: Bool? = nil,
        topLogprobs: Int? = nil,
        maxTokens: Int? = nil,
        n: Int? = nil,
        responseFormat: ResponseFormat? = nil,
        seed: Int? = nil,
        stop: [String]? = nil,
        streamOptions: StreamOptions? = nil,
        temperature: Double? = nil,
        topP: Double? = nil,
        toolChoice: ToolChoice? = nil,
        toolPrompt: String? = nil,
        tools: [ChatTool]? = nil,
        extraFields: JSONObject = JSONObject()
    ) {
        self.model = model
        self.messages = messages
        self.frequencyPenalty = frequencyPenalty
        self.presencePenalty = presencePenalty
        self.repetitionPenalty = repetitionPenalty
        self.logprobs = logprobs
        self.topLogprobs = topLogprobs
        self.maxTokens = maxTokens
        self.n = n
        self.responseFormat = responseFormat
        self.seed = seed
        self.stop = stop
        self.streamOptions = streamOptions
        self.temperature = temperature
        self.topP = topP
        self.toolChoice = toolChoice
        self.toolPrompt = toolPrompt
        self.tools = tools
        self.extraFields = extraFields
    }

    /// The keys the call owns; ``extraFields`` cannot replace them.
    static let reservedKeys: Set<String> = ["model", "messages", "stream"]

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        func write(_ value: (some Encodable)?, _ key: String) throws {
            guard extraFields[key] == nil else { return }
            try container.encodeIfPresent(value, forKey: AnyCodingKey(key))
        }
        try container.encode(model, forKey: AnyCodingKey("model"))
        try container.encode(messages, forKey: AnyCodingKey("messages"))
        try write(frequencyPenalty, "frequency_penalty")
        try write(presencePenalty, "presence_penalty")
        try write(repetitionPenalty, "repetition_penalty")
        try write(logprobs, "logprobs")
        try write(topLogprobs, "top_logprobs")
        try write(maxTokens, "max_tokens")
        try write(n, "n")
        try write(responseFormat, "response_format")
        try write(seed, "seed")
        try write(stop, "stop")
        try container.encodeIfPresent(stream, forKey: AnyCodingKey("stream"))
        try write(streamOptions, "stream_options")
        try write(temperature, "temperature")
        try write(topP, "top_p")
        try write(toolChoice, "tool_choice")
        try write(toolPrompt, "tool_prompt")
        try write(tools, "tools")
        for (key, value) in extraFields where !Self.reservedKeys.contains(key) {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }
}
