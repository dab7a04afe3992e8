/// How two vectors are scored.
///
/// ```swift
/// let index = try VectorIndex(embeddings, metric: .dotProduct)   // for vectors already normalised
/// ```
public enum SimilarityMetric: Sendable, Hashable {
    /// The cosine of the angle between the vectors, in [-1, 1]; 0 when either is all zeros.
    case cosine
    /// The plain dot product, the same as cosine for vectors already L2-normalised (which is what
    /// most embedding servers return by default) and cheaper.
    case dotProduct
}
