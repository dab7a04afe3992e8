import HFCore
import HFEmbeddings

/// Scores of every row of one set of vectors against every row of another, row-major.
///
/// ```swift
/// let matrix = try Similarity.matrix(queries, documents)      // cosine
/// matrix[0, 3]                                                // query 0 vs document 3
/// ```
public struct SimilarityMatrix: Sendable, Hashable {
    /// How many rows: the first set of vectors.
    public let rows: Int
    /// How many columns: the second set of vectors.
    public let columns: Int
    /// `rows × columns` scores, row after row.
    public let values: [Float]

    /// The score of row `row` of the first set against row `column` of the second.
    public subscript(row: Int, column: Int) -> Float {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "(\(row), \(column)) is outside \(rows)×\(columns)")
        return values[row * columns + column]
    }

    /// All scores of row `row`.
    public func row(_ row: Int) -> ArraySlice<Float> {
        precondition(row >= 0 && row < rows, "row \(row) is outside 0..<\(rows)")
        return values[row * columns ..< (row + 1) * columns]
    }
}

extension Similarity {
    /// The score of every row of `a` against every row of `b`. Fails when their dimensions differ.
    public static func matrix(_ a: Embeddings, _ b: Embeddings, metric: SimilarityMetric = .cosine) throws(HFError) -> SimilarityMatrix {
        guard a.isEmpty || b.isEmpty || a.dimension == b.dimension else {
            throw dimensionMismatch(field: "b", count: b.dimension, expected: a.dimension)
        }
        return scoreMatrix(a, b, metric: metric)
    }

    /// The score of every row of `embeddings` against every other (and itself).
    public static func matrix(_ embeddings: Embeddings, metric: SimilarityMetric = .cosine) -> SimilarityMatrix {
        scoreMatrix(embeddings, embeddings, metric: metric)
    }

    private static func scoreMatrix(_ a: Embeddings, _ b: Embeddings, metric: SimilarityMetric) -> SimilarityMatrix {
        let left = metric == .cosine ? a.normalized() : a
        let right = metric == .cosine ? b.normalized() : b
        let dimension = a.dimension
        let values = left.values.withUnsafeBufferPointer { x in
            right.values.withUnsafeBufferPointer { y in
                [Float](unsafeUninitializedCapacity: left.count * right.count) { scores, initialized in
                    for row in 0..<left.count {
                        for column in 0..<right.count {
                            let score = VectorKernels.dot(x.baseAddress! + row * dimension, y.baseAddress! + column * dimension, count: dimension)
                            (scores.baseAddress! + row * right.count + column).initialize(to: score)
                        }
                    }
                    initialized = left.count * right.count
                }
            }
        }
        return SimilarityMatrix(rows: left.count, columns: right.count, values: values)
    }
}
