import Foundation
import HFCore

/// A span of text a token classifier labelled (a person, a place, a part of speech).
public struct TokenEntity: Sendable, Hashable, Codable {
    /// The label of a group of tokens, when the call aggregated them.
    public let entityGroup: String?
    /// The label of a single token, when it did not.
    public let entity: String?
    public let score: Double
    /// The text of the span.
    public let word: String
    /// The span's character offsets in the input.
    public let start: Int?
    public let end: Int?

    public init(entityGroup: String?, entity: String?, score: Double, word: String, start: Int?, end: Int?) {
        self.entityGroup = entityGroup
        self.entity = entity
        self.score = score
        self.word = word
        self.start = start
        self.end = end
    }

    /// The label, whichever form the model gave.
    public var label: String {
        entityGroup ?? entity ?? ""
    }

    private enum CodingKeys: String, CodingKey {
        case entityGroup = "entity_group"
        case entity, score, word, start, end
    }
}

/// How a token classifier merges tokens into entities.
public struct AggregationStrategy: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Every token on its own.
    public static let none: AggregationStrategy = "none"
    public static let simple: AggregationStrategy = "simple"
    public static let first: AggregationStrategy = "first"
    public static let average: AggregationStrategy = "average"
    public static let max: AggregationStrategy = "max"
}
