import Foundation

/// An answer to a question about a table.
public struct TableAnswer: Sendable, Hashable, Codable {
    public let answer: String
    /// The cells the answer comes from, as `[row, column]` pairs.
    public let coordinates: [[Int]]
    /// Those cells' values.
    public let cells: [String]
    /// The aggregation the model applied to the cells (`SUM`, `AVERAGE`, `COUNT`, `NONE`), if any.
    public let aggregator: String?

    public init(answer: String, coordinates: [[Int]], cells: [String], aggregator: String? = nil) {
        self.answer = answer
        self.coordinates = coordinates
        self.cells = cells
        self.aggregator = aggregator
    }
}
