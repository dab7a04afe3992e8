import HFCore
import HFInference
import HFStreaming

// Chat and text generation, plain and streamed: each call is the async one, waited for.
extension SyncClient {
    /// ``InferenceAPI/chat(_:via:)``, blocking.
    ///
    /// ```swift
    /// let completion = try client.sync.chat(ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")]))
    /// ```
    public func chat(_ request: ChatCompletionRequest, via target: ChatTarget = .router) throws(HFError) -> ChatCompletion {
        try run("chat") { try await $0.inference.chat(request, via: target) }
    }

    /// ``InferenceAPI/chat(_:model:system:via:)``, blocking: the answer's text.
    ///
    /// ```swift
    /// let answer = try client.sync.chat("What is deep learning?", model: .llama3_8BInstruct)
    /// ```
    public func chat(_ prompt: String, model: ModelID, system: String? = nil, via target: ChatTarget = .router) throws(HFError) -> String {
        try run("chat") { try await $0.inference.chat(prompt, model: model, system: system, via: target) }
    }

    /// ``InferenceAPI/chatStream(_:via:)``, as a blocking iterator of chunks.
    ///
    /// ```swift
    /// let stream = try client.sync.chatStream(ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Count to 10")]))
    /// while let chunk = try stream.next() { print(chunk.text ?? "", terminator: "") }
    /// ```
    public func chatStream(_ request: ChatCompletionRequest, via target: ChatTarget = .router) throws(HFError) -> BlockingIterator<ChatCompletionChunk> {
        try iterate("chatStream", client.inference.chatStream(request, via: target))
    }

    /// ``InferenceAPI/chatStream(_:model:system:via:)``, as a blocking iterator of chunks.
    ///
    /// ```swift
    /// let stream = try client.sync.chatStream("Count to 10", model: .llama3_8BInstruct)
    /// while let chunk = try stream.next() { print(chunk.text ?? "", terminator: "") }
    /// ```
    public func chatStream(_ prompt: String, model: ModelID, system: String? = nil, via target: ChatTarget = .router) throws(HFError) -> BlockingIterator<ChatCompletionChunk> {
        try iterate("chatStream", client.inference.chatStream(prompt, model: model, system: system, via: target))
    }

    /// ``InferenceAPI/textGeneration(_:via:)``, blocking.
    ///
    /// ```swift
    /// let output = try client.sync.textGeneration(TextGenerationRequest(inputs: "The answer is"), via: .model(.zephyr7BBeta))
    /// ```
    public func textGeneration(_ request: TextGenerationRequest, via target: TextGenerationTarget) throws(HFError) -> TextGenerationOutput {
        try run("textGeneration") { try await $0.inference.textGeneration(request, via: target) }
    }

    /// ``InferenceAPI/textGeneration(_:model:maxNewTokens:)``, blocking: the generated text.
    ///
    /// ```swift
    /// let text = try client.sync.textGeneration("Once upon a time", model: .zephyr7BBeta, maxNewTokens: 30)
    /// ```
    public func textGeneration(_ prompt: String, model: ModelID, maxNewTokens: Int? = nil) throws(HFError) -> String {
        try run("textGeneration") { try await $0.inference.textGeneration(prompt, model: model, maxNewTokens: maxNewTokens) }
    }

    /// ``InferenceAPI/textGenerationStream(_:via:)``, as a blocking iterator of tokens.
    ///
    /// ```swift
    /// let stream = try client.sync.textGenerationStream(TextGenerationRequest(inputs: "Once upon a time"), via: .model(.zephyr7BBeta))
    /// while let output = try stream.next() { print(output.token.text, terminator: "") }
    /// ```
    public func textGenerationStream(_ request: TextGenerationRequest, via target: TextGenerationTarget) throws(HFError) -> BlockingIterator<TextGenerationStreamOutput> {
        try iterate("textGenerationStream", client.inference.textGenerationStream(request, via: target))
    }
}
