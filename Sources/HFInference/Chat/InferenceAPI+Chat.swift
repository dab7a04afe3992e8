import HFCore

extension InferenceAPI {
    /// Sends a chat completion request and returns the whole reply.
    ///
    /// Fails with a ``HFError/Category/validation`` error before sending when a field is out of
    /// range, and with the matching ``HFError`` category for any server error.
    ///
    /// ```swift
    /// let completion = try await client.inference.chat(
    ///     ChatCompletionRequest(model: .llama3_3_70BInstruct, messages: [.user("Hi")], maxTokens: 50),
    ///     via: .provider(.cerebras)
    /// )
    /// ```
    public func chat(_ request: ChatCompletionRequest, via target: ChatTarget = .router) async throws -> ChatCompletion {
        try Self.validate(request, target: target)
        let inference = self
        return try await client.perform(chatContext(request, target: target, streaming: false)) { operation in
            let call = try await inference.chatCall(request, via: target, stream: false, operation: operation)
            let response = try await inference.client.run(call)
            return try inference.client.read(ChatCompletion.self, from: response, context: call.context)
        }
    }

    /// Asks `model` one question and returns the answer's text.
    ///
    /// ```swift
    /// let answer = try await client.inference.chat("What is deep learning?", model: .llama3_8BInstruct)
    /// ```
    public func chat(_ prompt: String, model: ModelID, system: String? = nil, via target: ChatTarget = .router) async throws -> String {
        try Validation.nonBlank(prompt, field: "prompt")
        let messages = (system.map { [ChatMessage.system($0)] } ?? []) + [.user(prompt)]
        let completion = try await chat(ChatCompletionRequest(model: model, messages: messages), via: target)
        return completion.text ?? ""
    }
}
