import HFCore
import HFInference

/// One token event of a streamed text generation (text-generation-inference's SSE format).
///
/// The last event carries ``generatedText`` (the whole text) and ``details``.
public struct TextGenerationStreamOutput: Sendable, Hashable, Decodable {
    public var index: Int?
    /// The generated token; `nil` only for a whole reply from a server that did not stream.
    public var token: TextGenerationToken?
    public var topTokens: [TextGenerationToken]?
    /// The whole generated text, on the last event.
    public var generatedText: String?
    public var details: Details?

    public init(index: Int? = nil, token: TextGenerationToken?, topTokens: [TextGenerationToken]? = nil, generatedText: String? = nil, details: Details? = nil) {
        self.index = index
        self.token = token
        self.topTokens = topTokens
        self.generatedText = generatedText
        self.details = details
    }

    /// The text this event adds: the token's text, unless it is a special token.
    public var text: String? {
        guard let token else { return generatedText }
        return token.special ? nil : token.text
    }

    private enum CodingKeys: String, CodingKey {
        case index, token, details
        case topTokens = "top_tokens"
        case generatedText = "generated_text"
    }

    /// The last event's summary.
    public struct Details: Sendable, Hashable, Decodable {
        public var finishReason: FinishReason?
        public var generatedTokens: Int?
        public var inputLength: Int?
        public var seed: UInt64?

        public init(finishReason: FinishReason? = nil, generatedTokens: Int? = nil, inputLength: Int? = nil, seed: UInt64? = nil) {
            self.finishReason = finishReason
            self.generatedTokens = generatedTokens
            self.inputLength = inputLength
            self.seed = seed
        }

        private enum CodingKeys: String, CodingKey {
            case finishReason = "finish_reason"
            case generatedTokens = "generated_tokens"
            case inputLength = "input_length"
            case seed
        }
    }
}

extension TextGenerationStreamOutput {
    /// Decodes an event from parsed JSON, by the same rules as `Decodable`.
    package init(json: JSONValue) throws(JSONShapeError) {
        let fields = try JSONFields(json)
        self.init(
            index: try fields.int("index"),
            token: try fields.nested("token") { value throws(JSONShapeError) in try TextGenerationToken(json: value) },
            topTokens: try fields.array("top_tokens") { value throws(JSONShapeError) in try TextGenerationToken(json: value) },
            generatedText: try fields.string("generated_text"),
            details: try fields.nested("details") { value throws(JSONShapeError) in
                let details = try JSONFields(value)
                return Details(
                    finishReason: try details.string("finish_reason").map(FinishReason.init(rawValue:)),
                    generatedTokens: try details.int("generated_tokens"),
                    inputLength: try details.int("input_length"),
                    seed: try details.uint64("seed")
                )
            }
        )
    }
}

extension TextGenerationToken {
    init(json: JSONValue) throws(JSONShapeError) {
        let fields = try JSONFields(json)
        guard let text = try fields.string("text") else { throw JSONShapeError(path: "text", expected: "a string") }
        self.init(id: try fields.int("id"), text: text, logprob: try fields.double("logprob"), special: try fields.bool("special") ?? false)
    }
}
