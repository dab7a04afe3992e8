/// Per-token log-probabilities, when asked for with `logprobs`.
public struct ChatLogprobs: Sendable, Hashable, Encodable {
    public var content: [TokenLogprob]?

    public init(content: [TokenLogprob]?) {
        self.content = content
    }

    /// One generated token and its log-probability.
    public struct TokenLogprob: Sendable, Hashable, Encodable {
        public var token: String
        public var logprob: Double
        /// The most likely alternatives, when asked for with `top_logprobs`.
        public var topLogprobs: [TopLogprob]?

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
    public struct TopLogprob: Sendable, Hashable, Encodable {
        public var token: String
        public var logprob: Double

        public init(token: String, logprob: Double) {
            self.token = token
            self.logprob = logprob
        }
    }
}
