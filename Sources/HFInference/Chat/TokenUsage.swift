/// How many tokens a request used.
///
/// ```swift
/// let usage = try await client.inference.chat(request).usage
/// print(usage?.promptTokens ?? 0, usage?.completionTokens ?? 0, usage?.totalTokens ?? 0)
/// ```
public struct TokenUsage: Sendable, Hashable, Encodable {
    /// Tokens in the prompt.
    public var promptTokens: Int?
    /// Tokens in the reply.
    public var completionTokens: Int?
    /// Prompt and reply together.
    public var totalTokens: Int?

    /// Creates a usage report.
    public init(promptTokens: Int?, completionTokens: Int?, totalTokens: Int?) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }

    private enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
    }
}
