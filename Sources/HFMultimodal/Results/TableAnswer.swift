import Foundation

/// An answer to a question about a table.
///
/// ```swift
/// let table = ["Repository": ["Transformers", "Datasets"], "Stars": ["36542", "4512"]]
/// let answer = try await client.multimodal.answerQuestion("How many stars does the transformers repository have?", table: table, model: "google/tapas-base-finetuned-wtq")
/// print(answer.answer, answer.cells)
/// ```
public struct TableAnswer: Sendable, Hashable, Codable {
    /// The answer's text (with the aggregation, e.g. `AVERAGE > 36542`).
    public let answer: String
    /// The cells the answer comes from, as `[row, column]` pairs.
    public let coordinates: [[Int]]
    /// Those cells' values.
    public let cells: [String]
    /// The aggregation the model applied to the cells (`SUM`, `AVERAGE`, `COUNT`, `NONE`), if any.
    public let aggregator: String?

    /// One answer object, or the first of a list (the task spec's form).
    struct Reply: Decodable, Sendable {
        let answer: TableAnswer

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([TableAnswer].self), let first = list.first {
                answer = first
            } else {
                answer = try container.decode(TableAnswer.self)
            }
        }
    }

    /// An answer.
    public init(answer: String, coordinates: [[Int]], cells: [String], aggregator: String? = nil) {
        self.answer = answer
        self.coordinates = coordinates
        self.cells = cells
        self.aggregator = aggregator
    }
}
