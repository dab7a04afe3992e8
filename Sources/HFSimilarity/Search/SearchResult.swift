/// One hit of a similarity search: the stored vector's position and its score.
///
/// ```swift
/// for hit in try index.search(query, k: 3) {
///     print(texts[hit.index], hit.score)
/// }
/// ```
public struct SearchResult: Sendable, Hashable {
    /// The row of the stored vector, in insertion order.
    public let index: Int
    /// Its similarity to the query under the index's metric.
    public let score: Float

    /// A result for the row at `index` with `score`.
    public init(index: Int, score: Float) {
        self.index = index
        self.score = score
    }

    /// The ranking order of results: higher score first, ties to the lower index, NaN last.
    static func ranksBefore(_ lhs: SearchResult, _ rhs: SearchResult) -> Bool {
        if lhs.score.isNaN || rhs.score.isNaN {
            return lhs.score.isNaN == rhs.score.isNaN ? lhs.index < rhs.index : rhs.score.isNaN
        }
        return lhs.score != rhs.score ? lhs.score > rhs.score : lhs.index < rhs.index
    }
}
