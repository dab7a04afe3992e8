/// Per-token log-probabilities, when asked for with `logprobs`.
///
/// ```swift
/// var request = ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")])
/// request.logprobs = true
/// let tokens = try await client.inference.chat(request).choices[0].logprobs?.content ?? []
/// for token in tokens { print(token.token, token.logprob) }
/// ```
public struct ChatLogprobs: Sendable, Hashable, Encodable {
    /// One entry per generated token.
    public var content: [TokenLogprob]?

    /// Creates log probabilities.
    public init(content: [TokenLogprob]?) {
        self.content = content
    }

    /// One generated token and its log-probability.
    ///
    /// ```swift
    /// let first = completion.choices[0].logprobs?.content?.first
    /// print(first?.token ?? "", first?.logprob ?? 0)
    /// ```
    public struct TokenLogprob: Sendable, Hashable, Encodable {
        /// The token's text.
        public var token: String
        /// The natural log of the token's probability.
        public var logprob: Double
        /// The most likely alternatives, when asked for with `top_logprobs`.
        public var topLogprobs: [TopLogprob]?

        /// Creates a token's log probability.
        public init(token: String, logprob: Double, topLogprobs: [TopLogprob]?) {
            self.token = token
            self.logprob = logprob
            self.topLogprobs = topLogprobs
        }

        private enum CodingKeys: String, CodingKey {
            case token, logprob
            case topLogprobs = "top_logprobs"
        }
    }

    /// An alternative token and its log-probability.
    ///
    /// ```swift
    /// let alternatives = completion.choices[0].logprobs?.content?.first?.topLogprobs?.map(\.token) ?? []
    /// ```
    public struct TopLogprob: Sendable, Hashable, Encodable {
        /// The alternative token's text.
        public var token: String
        /// The natural log of its probability.
        public var logprob: Double

        /// Creates an alternative.
        public init(token: String, logprob: Double) {
            self.token = token
            self.logprob = logprob
        }
    }
}
