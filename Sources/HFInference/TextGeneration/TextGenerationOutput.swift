import HFCore

/// A text-generation reply: the text, and details when asked for with `details`.
public struct TextGenerationOutput: Sendable, Hashable {
    public var generatedText: String
    public var details: TextGenerationDetails?

    public init(generatedText: String, details: TextGenerationDetails? = nil) {
        self.generatedText = generatedText
        self.details = details
    }
}

/// How generation went.
public struct TextGenerationDetails: Sendable, Hashable {
    /// `length`, `eos_token` or `stop_sequence`.
    public var finishReason: FinishReason?
    public var generatedTokens: Int?
    public var seed: UInt64?
    /// The prompt's tokens (with `decoder_input_details`).
    public var prefill: [TextGenerationToken]?
    public var tokens: [TextGenerationToken]?
    /// The most likely alternatives per step (with `top_n_tokens`).
    public var topTokens: [[TextGenerationToken]]?
    /// The other sequences generated (with `best_of`).
    public var bestOfSequences: [BestOfSequence]?

    public init(finishReason: FinishReason? = nil, generatedTokens: Int? = nil, seed: UInt64? = nil, prefill: [TextGenerationToken]? = nil, tokens: [TextGenerationToken]? = nil, topTokens: [[TextGenerationToken]]? = nil, bestOfSequences: [BestOfSequence]? = nil) {
        self.finishReason = finishReason
        self.generatedTokens = generatedTokens
        self.seed = seed
        self.prefill = prefill
        self.tokens = tokens
        self.topTokens = topTokens
        self.bestOfSequences = bestOfSequences
    }

    /// One of the `best_of` sequences.
    public struct BestOfSequence: Sendable, Hashable {
        public var generatedText: String?
        public var finishReason: FinishReason?
        public var generatedTokens: Int?
        public var seed: UInt64?
        public var prefill: [TextGenerationToken]?
        public var tokens: [TextGenerationToken]?
    }
}
