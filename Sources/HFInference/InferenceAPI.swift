import HFCore

/// Chat completions and text generation: `client.inference`.
///
/// ```swift
/// let client = HFClient()                                   // token from HF_TOKEN or the token file
/// let answer = try await client.inference.chat("What is deep learning?", model: .llama3_8BInstruct)
///
/// var request = ChatCompletionRequest(model: .llama3_3_70BInstruct, messages: [.user("Hi")])
/// request.maxTokens = 100
/// let completion = try await client.inference.chat(request, via: .provider(.together))
/// ```
///
/// Streaming (`chatStream`, `textGenerationStream`) comes with the HFStreaming product.
public struct InferenceAPI: Sendable {
    /// The client that sends this group's requests.
    public let client: HFClient

    /// The chat and text-generation calls of `client`; `client.inference` is the usual way in.
    ///
    /// ```swift
    /// let answer = try await InferenceAPI(client: client).chat("Hi", model: .llama3_8BInstruct)
    /// ```
    public init(client: HFClient) {
        self.client = client
    }
}

extension HFClient {
    /// Chat completions and text generation.
    public var inference: InferenceAPI { InferenceAPI(client: self) }
}
