/// Per-token log-probabilities, when asked for with `logprobs`.
public struct ChatLogprobs: Sendable, Hashable {
    /// One entry per generated token.
    public var content: [TokenLogprob]?

    /// Creates log probabilities.
    public init(content: [TokenLogprob]?) {
        self.content = content
    }

    /// One generated token and its log-probability.
    public struct TokenLogprob: Sendable, Hashable {
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
    }

    /// An alternative token and its log-probability.
    public struct TopLogprob: Sendable, Hashable {
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
