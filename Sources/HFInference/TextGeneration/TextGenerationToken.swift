/// A generated (or prompt) token.
public struct TextGenerationToken: Sendable, Hashable, Decodable {
    public var id: Int?
    public var text: String
    public var logprob: Double?
    /// A special token (end of sequence and the like), not part of the text.
    public var special: Bool

    public init(id: Int?, text: String, logprob: Double? = nil, special: Bool = false) {
        self.id = id
        self.text = text
        self.logprob = logprob
        self.special = special
    }

    private enum CodingKeys: String, CodingKey {
        case id, text, logprob, special
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(Int.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        logprob = try container.decodeIfPresent(Double.self, forKey: .logprob)
        special = try container.decodeIfPresent(Bool.self, forKey: .special) ?? false
    }
}
