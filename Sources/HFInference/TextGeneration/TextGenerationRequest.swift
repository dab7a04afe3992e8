import HFCore

/// A text-generation-inference (TGI) request: `{"inputs", "parameters", "stream"}`, shared by
/// ``InferenceAPI/textGeneration(_:via:)`` and the streaming call (HFStreaming), which sets `stream`.
///
/// ```swift
/// var request = TextGenerationRequest(inputs: "Once upon a time")
/// request.parameters.maxNewTokens = 50
/// request.parameters.temperature = 0.7
/// ```
public struct TextGenerationRequest: Sendable, Hashable, Encodable {
    /// The prompt.
    public var inputs: String
    /// The generation parameters (`parameters` in the body).
    public var parameters: TextGenerationParameters
    /// Set by the call.
    package var stream: Bool?

    /// Creates a request.
    ///
    /// ```swift
    /// let request = TextGenerationRequest(inputs: "The capital of France is", parameters: TextGenerationParameters(maxNewTokens: 5))
    /// ```
    public init(inputs: String, parameters: TextGenerationParameters = TextGenerationParameters()) {
        self.inputs = inputs
        self.parameters = parameters
    }

    private enum CodingKeys: String, CodingKey {
        case inputs, parameters, stream
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inputs, forKey: .inputs)
        if parameters != TextGenerationParameters() {
            try container.encode(parameters, forKey: .parameters)
        }
        try container.encodeIfPresent(stream, forKey: .stream)
    }

    /// Checks the request before anything is sent, with the bounds text-generation servers enforce.
    public func validate() throws(HFError) {
        try Validation.nonBlank(inputs, field: "inputs")
        try parameters.validate()
    }
}
