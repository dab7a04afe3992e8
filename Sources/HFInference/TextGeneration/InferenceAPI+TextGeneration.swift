import HFCore

extension InferenceAPI {
    /// Generates text with the text-generation-inference payload and returns the reply.
    ///
    /// ```swift
    /// var request = TextGenerationRequest(inputs: "The answer to life is")
    /// request.parameters.maxNewTokens = 20
    /// let output = try await client.inference.textGeneration(request, via: .model("HuggingFaceH4/zephyr-7b-beta"))
    /// print(output.generatedText)
    /// ```
    public func textGeneration(_ request: TextGenerationRequest, via target: TextGenerationTarget) async throws -> TextGenerationOutput {
        try Self.validate(request, target: target)
        let inference = self
        return try await client.perform(textGenerationContext(target, streaming: false)) { operation in
            let call = try await inference.textGenerationCall(request, via: target, stream: false, operation: operation)
            let response = try await inference.client.run(call)
            return try inference.client.read(TextGenerationOutput.self, from: response, shape: call.route.adapter.response, context: call.context)
        }
    }

    /// Continues `prompt` and returns the generated text.
    ///
    /// ```swift
    /// let text = try await client.inference.textGeneration("Once upon a time", model: .zephyr7BBeta, maxNewTokens: 30)
    /// ```
    public func textGeneration(_ prompt: String, model: ModelID, maxNewTokens: Int? = nil) async throws -> String {
        let request = TextGenerationRequest(inputs: prompt, parameters: TextGenerationParameters(maxNewTokens: maxNewTokens))
        return try await textGeneration(request, via: .model(model)).generatedText
    }

    /// Checks a text-generation call before anything is sent.
    package static func validate(_ request: TextGenerationRequest, target: TextGenerationTarget) throws(HFError) {
        try request.validate()
        if case .model(let model) = target {
            try model.validate()
            if model.suffix != nil {
                throw .validation(field: "model", "\"\(model)\" has a suffix; text generation is served by hf-inference, so pass the bare id \"\(model.repository)\"")
            }
        }
    }

    /// The context of a text-generation call before routing.
    package func textGenerationContext(_ target: TextGenerationTarget, streaming: Bool) -> HFRequestContext {
        client.context(
            streaming ? .textGenerationStream : .textGeneration, task: .textGeneration, model: target.model,
            provider: target.model == nil ? nil : .hfInference, streaming: streaming
        )
    }

    /// A text-generation call, routed for `operation`'s provider.
    package func textGenerationCall(
        _ request: TextGenerationRequest, via target: TextGenerationTarget, stream: Bool, operation: HFRequestContext
    ) async throws -> TaskCall {
        let route = try await client.route(.textGeneration, model: target.model ?? "", to: target.taskTarget, context: operation)
        var wire = request
        wire.stream = stream
        return try route.call(encoding: wire, client: client, accept: stream ? "text/event-stream" : "application/json", operation: operation)
    }
}
