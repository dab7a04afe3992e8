@_spi(JSONReader) import HFJSON
import HFCore

/// A generated (or prompt) token.
///
/// ```swift
/// for token in output.details?.tokens ?? [] where !token.special {
///     print(token.id ?? -1, token.text, token.logprob ?? 0)
/// }
/// ```
public struct TextGenerationToken: Sendable, Hashable {
    /// The token's id in the model's vocabulary.
    public var id: Int?
    /// The token's text.
    public var text: String
    /// The natural log of the token's probability.
    public var logprob: Double?
    /// A special token (end of sequence and the like), not part of the text.
    public var special: Bool

    /// Creates a token.
    public init(id: Int?, text: String, logprob: Double? = nil, special: Bool = false) {
        self.id = id
        self.text = text
        self.logprob = logprob
        self.special = special
    }
}

extension TextGenerationToken: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension TextGenerationToken: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var id: Int?, text: String?, logprob: Double?, special: Bool?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "id": id = try reader.decodeInt()
            case "text": text = try reader.decodeString()
            case "logprob": logprob = try reader.decodeDouble()
            case "special": special = try reader.decodeBool()
            default: return false
            }
            return true
        }
        self.init(id: id, text: try text.required("text", "a string"), logprob: logprob, special: special ?? false)
    }
}
