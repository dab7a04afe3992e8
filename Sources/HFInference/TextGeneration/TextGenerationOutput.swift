import HFCore

/// A text-generation reply: the text, and details when asked for with `details`.
///
/// ```swift
/// let request = TextGenerationRequest(inputs: "The capital of France is", parameters: TextGenerationParameters(details: true, maxNewTokens: 5))
/// let output = try await client.inference.textGeneration(request, via: .model("openai-community/gpt2"))
/// print(output.generatedText, output.details?.finishReason ?? "?")
/// ```
public struct TextGenerationOutput: Sendable, Hashable {
    /// The generated text (without the prompt, unless `returnFullText` was set).
    public var generatedText: String
    /// How generation went, when the request asked for `details`.
    public var details: TextGenerationDetails?

    /// Creates an output.
    public init(generatedText: String, details: TextGenerationDetails? = nil) {
        self.generatedText = generatedText
        self.details = details
    }
}

/// How generation went.
///
/// ```swift
/// let details = output.details
/// print(details?.generatedTokens ?? 0, details?.tokens?.map(\.text) ?? [])
/// ```
public struct TextGenerationDetails: Sendable, Hashable {
    /// `length`, `eos_token` or `stop_sequence`.
    public var finishReason: FinishReason?
    /// How many tokens were generated.
    public var generatedTokens: Int?
    /// The sampling seed used.
    public var seed: UInt64?
    /// The prompt's tokens (with `decoder_input_details`).
    public var prefill: [TextGenerationToken]?
    /// The generated tokens, one by one.
    public var tokens: [TextGenerationToken]?
    /// The most likely alternatives per step (with `top_n_tokens`).
    public var topTokens: [[TextGenerationToken]]?
    /// The other sequences generated (with `best_of`).
    public var bestOfSequences: [BestOfSequence]?

    /// Creates details.
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
    ///
    /// ```swift
    /// let others = output.details?.bestOfSequences?.compactMap(\.generatedText) ?? []
    /// ```
    public struct BestOfSequence: Sendable, Hashable {
        /// The sequence's text.
        public var generatedText: String?
        /// Why the sequence ended.
        public var finishReason: FinishReason?
        /// How many tokens the sequence has.
        public var generatedTokens: Int?
        /// The sampling seed used.
        public var seed: UInt64?
        /// The prompt's tokens (with `decoder_input_details`).
        public var prefill: [TextGenerationToken]?
        /// The sequence's tokens.
        public var tokens: [TextGenerationToken]?
    }
}
