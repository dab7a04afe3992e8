import HFCore

// The other half of the request's wire shape, so a saved request or conversation can be read back
// and a proxy can take a request in: every member the type models goes to its property, any other
// member to `extraFields` as it came (so decoding then encoding gives back what was sent, but for
// a known member sent as `null`, which reads as `nil` and is left out).

extension ChatCompletionRequest: Decodable {
    /// Decodes a request body, as sent to `/v1/chat/completions`.
    ///
    /// ```swift
    /// let saved = try JSONEncoder().encode(request)
    /// let restored = try JSONDecoder().decode(ChatCompletionRequest.self, from: saved)   // == request
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        func read<Value: Decodable>(_ key: String) throws -> Value? {
            try container.decodeIfPresent(Value.self, forKey: AnyCodingKey(key))
        }
        self.init(
            model: try container.decode(ModelID.self, forKey: AnyCodingKey("model")),
            messages: try container.decode([ChatMessage].self, forKey: AnyCodingKey("messages")),
            frequencyPenalty: try read("frequency_penalty"),
            presencePenalty: try read("presence_penalty"),
            repetitionPenalty: try read("repetition_penalty"),
            logprobs: try read("logprobs"),
            topLogprobs: try read("top_logprobs"),
            maxTokens: try read("max_tokens"),
            n: try read("n"),
            responseFormat: try read("response_format"),
            seed: try read("seed"),
            stop: try read("stop"),
            streamOptions: try read("stream_options"),
            temperature: try read("temperature"),
            topP: try read("top_p"),
            toolChoice: try read("tool_choice"),
            toolPrompt: try read("tool_prompt"),
            tools: try read("tools")
        )
        stream = try read("stream")
        for key in container.allKeys where !Self.modelledKeys.contains(key.stringValue) {
            extraFields[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
    }

    /// The members the properties model; ``encode(to:)`` writes the same ones.
    static let modelledKeys: Set<String> = reservedKeys.union([
        "frequency_penalty", "presence_penalty", "repetition_penalty", "logprobs", "top_logprobs", "max_tokens", "n",
        "response_format", "seed", "stop", "stream_options", "temperature", "top_p", "tool_choice", "tool_prompt", "tools",
    ])
}
