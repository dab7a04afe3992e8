import Foundation
import HFCore

/// A span of text a token classifier labelled (a person, a place, a part of speech).
///
/// ```swift
/// for entity in try await client.multimodal.classifyTokens("My name is Sarah Jessica Parker but you can call me Jessica", model: "dslim/bert-base-NER") {
///     print(entity.label, entity.word, entity.score)
/// }
/// ```
public struct TokenEntity: Sendable, Hashable, Codable {
    /// The label of a group of tokens, when the call aggregated them.
    public let entityGroup: String?
    /// The label of a single token, when it did not.
    public let entity: String?
    /// The model's confidence, from 0 to 1.
    public let score: Double
    /// The text of the span.
    public let word: String
    /// Where the span starts, as a character offset into the input.
    public let start: Int?
    /// Where it ends.
    public let end: Int?

    /// An entity.
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
///
/// ```swift
/// let entities = try await client.multimodal.classifyTokens(text, model: "dslim/bert-base-NER", aggregation: .simple)
/// ```
public struct AggregationStrategy: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Every token on its own (sent as `"none"`; named so that it cannot be mistaken for `nil`).
    public static let perToken: AggregationStrategy = "none"
    /// Adjacent tokens of the same entity merged.
    public static let simple: AggregationStrategy = "simple"
    /// Words labelled by their first token.
    public static let first: AggregationStrategy = "first"
    /// Words labelled by their tokens' average score.
    public static let average: AggregationStrategy = "average"
    /// Words labelled by their best-scoring token.
    public static let max: AggregationStrategy = "max"
}
