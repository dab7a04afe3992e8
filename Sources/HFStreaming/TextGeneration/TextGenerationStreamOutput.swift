@_spi(JSONReader) import HFJSON
import HFCore
import HFInference

/// One token event of a streamed text generation (text-generation-inference's SSE format).
///
/// The last event carries ``generatedText`` (the whole text) and ``details``.
///
/// ```swift
/// let request = TextGenerationRequest(inputs: "The capital of France is", parameters: TextGenerationParameters(maxNewTokens: 10))
/// for try await output in try client.inference.textGenerationStream(request, via: .endpoint(tgiURL)) {
///     print(output.text ?? "", terminator: "")
/// }
/// ```
public struct TextGenerationStreamOutput: Sendable, Hashable {
    /// The event's position in the stream.
    public var index: Int?
    /// The generated token; `nil` only for a whole reply from a server that did not stream.
    public var token: TextGenerationToken?
    /// The most likely alternatives (with `top_n_tokens`).
    public var topTokens: [TextGenerationToken]?
    /// The whole generated text, on the last event.
    public var generatedText: String?
    /// How generation went, on the last event when asked for.
    public var details: Details?

    /// Creates an event.
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

    /// The last event's summary.
    ///
    /// ```swift
    /// if let details = output.details { print(details.finishReason ?? "?", details.generatedTokens ?? 0) }
    /// ```
    public struct Details: Sendable, Hashable {
        /// Why generation ended.
        public var finishReason: FinishReason?
        /// How many tokens were generated.
        public var generatedTokens: Int?
        /// How many tokens the prompt had.
        public var inputLength: Int?
        /// The sampling seed used.
        public var seed: UInt64?

        /// Creates details.
        public init(finishReason: FinishReason? = nil, generatedTokens: Int? = nil, inputLength: Int? = nil, seed: UInt64? = nil) {
            self.finishReason = finishReason
            self.generatedTokens = generatedTokens
            self.inputLength = inputLength
            self.seed = seed
        }
    }
}

extension TextGenerationStreamOutput: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension TextGenerationStreamOutput: JSONReadable {
    /// Reads an event straight from its bytes; an event whose `error` member is set is refused,
    /// so the stream reads it again as the error it reports.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var index: Int?, token: TextGenerationToken?, topTokens: [TextGenerationToken]?, generatedText: String?, details: Details?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "index": index = try reader.decodeInt()
            case "token": token = try reader.decode(TextGenerationToken.self)
            case "top_tokens": topTokens = try reader.decodeArray(of: TextGenerationToken.self)
            case "generated_text": generatedText = try reader.decodeString()
            case "details": details = try reader.decode(Details.self)
            case "error": try reader.refuseReportedError()
            default: return false
            }
            return true
        }
        self.init(index: index, token: token, topTokens: topTokens, generatedText: generatedText, details: details)
    }
}

extension TextGenerationStreamOutput.Details: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension TextGenerationStreamOutput.Details: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var finishReason: FinishReason?, generatedTokens: Int?, inputLength: Int?, seed: UInt64?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "finish_reason": finishReason = try reader.decodeString().map(FinishReason.init(rawValue:))
            case "generated_tokens": generatedTokens = try reader.decodeInt()
            case "input_length": inputLength = try reader.decodeInt()
            case "seed": seed = try reader.decodeUInt64()
            default: return false
            }
            return true
        }
        self.init(finishReason: finishReason, generatedTokens: generatedTokens, inputLength: inputLength, seed: seed)
    }
}
