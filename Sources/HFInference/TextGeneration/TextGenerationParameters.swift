import HFCore

/// The `parameters` of a text-generation request; `nil` leaves the server's default.
///
/// ```swift
/// var parameters = TextGenerationParameters(maxNewTokens: 50, temperature: 0.7)
/// parameters.stop = ["\n\n"]
/// let request = TextGenerationRequest(inputs: "Once upon a time", parameters: parameters)
/// ```
public struct TextGenerationParameters: Sendable, Hashable, Encodable {
    /// A LoRA adapter to apply, by id.
    public var adapterID: String?
    /// At least 1: generate this many sequences and return the best.
    public var bestOf: Int?
    /// Also return the prompt tokens' details (needs `details`).
    public var decoderInputDetails: Bool?
    /// Return generation details (finish reason, tokens, seed) with the text.
    public var details: Bool?
    /// Sample instead of greedy decoding.
    public var doSample: Bool?
    /// −2…2.
    public var frequencyPenalty: Double?
    /// Constrain the output: a JSON schema or a regular expression.
    public var grammar: TextGenerationGrammar?
    /// At least 1: the most tokens to generate.
    public var maxNewTokens: Int?
    /// Above 0; 1 means no penalty.
    public var repetitionPenalty: Double?
    /// Prepend the prompt to the generated text.
    public var returnFullText: Bool?
    /// A seed for sampling, for repeatable output.
    public var seed: UInt64?
    /// Sequences where generation stops.
    public var stop: [String]?
    /// Above 0.
    public var temperature: Double?
    /// At least 1.
    public var topK: Int?
    /// At least 1: how many most likely tokens to return per step.
    public var topNTokens: Int?
    /// Above 0 and below 1.
    public var topP: Double?
    /// At least 1: keep only this many input tokens (from the end).
    public var truncate: Int?
    /// Above 0 and below 1.
    public var typicalP: Double?
    /// Watermark the output.
    public var watermark: Bool?

    /// Creates parameters; each one left `nil` keeps the server's default.
    ///
    /// ```swift
    /// let parameters = TextGenerationParameters(maxNewTokens: 20, temperature: 0.7)
    /// ```
    public init(
        adapterID: String? = nil, bestOf: Int? = nil, decoderInputDetails: Bool? = nil, details: Bool? = nil,
        doSample: Bool? = nil, frequencyPenalty: Double? = nil, grammar: TextGenerationGrammar? = nil,
        maxNewTokens: Int? = nil, repetitionPenalty: Double? = nil, returnFullText: Bool? = nil, seed: UInt64? = nil,
        stop: [String]? = nil, temperature: Double? = nil, topK: Int? = nil, topNTokens: Int? = nil,
        topP: Double? = nil, truncate: Int? = nil, typicalP: Double? = nil, watermark: Bool? = nil
    ) {
        self.adapterID = adapterID
        self.bestOf = bestOf
        self.decoderInputDetails = decoderInputDetails
        self.details = details
        self.doSample = doSample
        self.frequencyPenalty = frequencyPenalty
        self.grammar = grammar
        self.maxNewTokens = maxNewTokens
        self.repetitionPenalty = repetitionPenalty
        self.returnFullText = returnFullText
        self.seed = seed
        self.stop = stop
        self.temperature = temperature
        self.topK = topK
        self.topNTokens = topNTokens
        self.topP = topP
        self.truncate = truncate
        self.typicalP = typicalP
        self.watermark = watermark
    }

    private enum CodingKeys: String, CodingKey {
        case adapterID = "adapter_id"
        case bestOf = "best_of"
        case decoderInputDetails = "decoder_input_details"
        case details
        case doSample = "do_sample"
        case frequencyPenalty = "frequency_penalty"
        case grammar
        case maxNewTokens = "max_new_tokens"
        case repetitionPenalty = "repetition_penalty"
        case returnFullText = "return_full_text"
        case seed, stop, temperature
        case topK = "top_k"
        case topNTokens = "top_n_tokens"
        case topP = "top_p"
        case truncate
        case typicalP = "typical_p"
        case watermark
    }

    /// Checks the bounds text-generation servers enforce.
    public func validate() throws(HFError) {
        try Validation.range(temperature, field: "parameters.temperature", above: 0)
        try Validation.range(topP, field: "parameters.top_p", above: 0, below: 1)
        try Validation.range(typicalP, field: "parameters.typical_p", above: 0, below: 1)
        try Validation.range(repetitionPenalty, field: "parameters.repetition_penalty", above: 0)
        try Validation.range(frequencyPenalty, field: "parameters.frequency_penalty", in: -2...2)
        try Validation.positive(maxNewTokens, field: "parameters.max_new_tokens")
        try Validation.positive(topK, field: "parameters.top_k")
        try Validation.positive(topNTokens, field: "parameters.top_n_tokens")
        try Validation.positive(bestOf, field: "parameters.best_of")
        try Validation.positive(truncate, field: "parameters.truncate")
        if decoderInputDetails == true, details != true {
            throw .validation(field: "parameters.decoder_input_details", "needs details set to true")
        }
    }
}
