@_spi(JSONReader) import HFJSON
import HFCore

// The one description of a text-generation reply's wire shape, read straight from the bytes;
// the `Decodable` conformances (for a caller's own decoder) read through the same code.

extension TextGenerationOutput: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension TextGenerationOutput: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var generatedText: String?, details: TextGenerationDetails?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "generated_text": generatedText = try reader.decodeString()
            case "details": details = try reader.decode(TextGenerationDetails.self)
            default: return false
            }
            return true
        }
        self.init(generatedText: try generatedText.required("generated_text", "a string"), details: details)
    }
}

extension TextGenerationDetails: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension TextGenerationDetails: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var summary = GenerationSummary()
        var topTokens: [[TextGenerationToken]]?, bestOf: [BestOfSequence]?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "top_tokens":
                topTokens = try reader.decodeArray { reader throws(JSONDecodingError) in
                    try reader.decodeArray(of: TextGenerationToken.self).required("", "an array")
                }
            case "best_of_sequences": bestOf = try reader.decodeArray(of: BestOfSequence.self)
            default: return try summary.read(key, from: &reader)
            }
            return true
        }
        self.init(
            finishReason: summary.finishReason, generatedTokens: summary.generatedTokens, seed: summary.seed,
            prefill: summary.prefill, tokens: summary.tokens, topTokens: topTokens, bestOfSequences: bestOf
        )
    }
}

extension TextGenerationDetails.BestOfSequence: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension TextGenerationDetails.BestOfSequence: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var summary = GenerationSummary()
        var generatedText: String?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            guard key == "generated_text" else { return try summary.read(key, from: &reader) }
            generatedText = try reader.decodeString()
            return true
        }
        self.init(
            generatedText: generatedText, finishReason: summary.finishReason, generatedTokens: summary.generatedTokens,
            seed: summary.seed, prefill: summary.prefill, tokens: summary.tokens
        )
    }
}

/// The members the details of a reply and each of its best-of sequences share.
private struct GenerationSummary {
    var finishReason: FinishReason?
    var generatedTokens: Int?
    var seed: UInt64?
    var prefill: [TextGenerationToken]?
    var tokens: [TextGenerationToken]?

    /// Reads `key`'s value when it is one of the shared members; `false` otherwise.
    mutating func read(_ key: JSONKey, from reader: inout JSONReader) throws(JSONDecodingError) -> Bool {
        switch key {
        case "finish_reason": finishReason = try reader.decodeString().map(FinishReason.init(rawValue:))
        case "generated_tokens": generatedTokens = try reader.decodeInt()
        case "seed": seed = try reader.decodeUInt64()
        case "prefill": prefill = try reader.decodeArray(of: TextGenerationToken.self)
        case "tokens": tokens = try reader.decodeArray(of: TextGenerationToken.self)
        default: return false
        }
        return true
    }
}
