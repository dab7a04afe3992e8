import HFCore

/// A constraint on generated text: `{"type":"json","value":<schema>}` or `{"type":"regex","value":"…"}`.
///
/// ```swift
/// var parameters = TextGenerationParameters(maxNewTokens: 10)
/// parameters.grammar = .regex("[0-9]{4}")   // a year, nothing else
/// ```
public enum TextGenerationGrammar: Sendable, Hashable, Encodable {
    /// Output must be JSON matching this JSON Schema.
    case json(JSONValue)
    /// Output must match this regular expression.
    case regex(String)

    private enum CodingKeys: String, CodingKey {
        case type, value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .json(let schema):
            try container.encode("json", forKey: .type)
            try container.encode(schema, forKey: .value)
        case .regex(let pattern):
            try container.encode("regex", forKey: .type)
            try container.encode(pattern, forKey: .value)
        }
    }
}
