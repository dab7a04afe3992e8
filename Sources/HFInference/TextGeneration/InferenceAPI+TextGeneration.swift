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
        let httpRequest = try makeTextGenerationRequest(request, via: target, stream: false)
        let response = try await client.send(httpRequest)
        // Servers answer an object, or an array holding one.
        let json = try client.parseJSON(from: response)
        return try decodeReply(TextGenerationOutput.self, from: response, json: json.arrayValue?.first ?? json, provider: httpRequest.provider)
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

    /// The HTTP request for text generation, checked before anything is sent.
    package func makeTextGenerationRequest(_ request: TextGenerationRequest, via target: TextGenerationTarget, stream: Bool) throws(HFError) -> HTTPRequest {
        try request.validate()
        var wire = request
        wire.stream = stream
        let accept = stream ? "text/event-stream" : "application/json"
        switch target {
        case .model(let model):
            try model.validate()
            if model.suffix != nil {
                throw .validation(field: "model", "\"\(model)\" has a suffix; text generation is served by hf-inference, so pass the bare id \"\(model.repository)\"")
            }
            let url = client.configuration.hfInferenceURL(model: model.repository)
            return try client.makeJSONRequest(url: url, body: wire, accept: accept, token: .required, provider: .hfInference)
        case .endpoint(let url):
            return try client.makeJSONRequest(url: url, body: wire, accept: accept, token: .ifAvailable)
        }
    }
}
