import HFCore

/// Vector similarity for embeddings: dot product, cosine similarity and L2 normalisation, for
/// `Float` and `Double`, on any collection (arrays, `Embeddings` rows, slices).
///
/// Vectors of different lengths fail with a ``HFError/Category/validation`` error naming the
/// lengths. A zero vector has cosine similarity 0 with everything (not NaN), and normalising it
/// leaves it unchanged.
///
/// Sums use SIMD with several accumulators, so they can differ from a left-to-right loop in the
/// last bits (see `VectorKernels`); the same inputs always give the same result. The element type
/// is `Float` or `Double` (see ``SimilarityScalar``).
///
/// ```swift
/// let embeddings = try await client.embeddings.embed(["a cat", "a kitten"], model: .allMiniLML6v2)
/// let score = try Similarity.cosine(embeddings[0], embeddings[1])   // ≈ 0.8
/// let unit = Similarity.normalized([3, 4] as [Float])                // [0.6, 0.8]
/// ```
public enum Similarity {
    /// `Σ a[i]·b[i]`.
    public static func dot<Scalar: SimilarityScalar>(_ a: some Collection<Scalar>, _ b: some Collection<Scalar>) throws(HFError) -> Scalar {
        try pair(a, b) { Scalar.dotProduct($0, $1, count: $2) }
    }

    /// The cosine of the angle between `a` and `b`; 0 when either is all zeros.
    public static func cosine<Scalar: SimilarityScalar>(_ a: some Collection<Scalar>, _ b: some Collection<Scalar>) throws(HFError) -> Scalar {
        try pair(a, b) { x, y, count in
            let sums = Scalar.dotProductAndSquares(x, y, count: count)
            return VectorKernels.cosine(dot: sums.dot, aa: sums.aa, bb: sums.bb)
        }
    }

    /// The Euclidean length `√(Σ v[i]²)`.
    public static func norm<Scalar: SimilarityScalar>(_ vector: some Collection<Scalar>) -> Scalar {
        contiguous(vector) { Scalar.dotProduct($0, $0, count: $1).squareRoot() }
    }

    /// `vector` scaled to length 1; the zero vector is returned unchanged.
    public static func normalized<Scalar: SimilarityScalar>(_ vector: some Collection<Scalar>) -> [Scalar] {
        contiguous(vector) { source, count in
            [Scalar](unsafeUninitializedCapacity: count) { target, initialized in
                if count > 0 { Scalar.normalize(source, into: target.baseAddress!, count: count) }
                initialized = count
            }
        }
    }

    // MARK: Plumbing

    /// The dimension-mismatch error: `field` has `count` values where `expected` were needed.
    static func dimensionMismatch(field: String, count: Int, expected: Int) -> HFError {
        .validation(field: field, "has \(count) values but \(expected) are expected: vectors compared must have the same dimension (did they come from different models?)")
    }

    /// Runs `body` on the storage of `collection`, copying only when it is not contiguous.
    static func contiguous<Values: Collection, Result>(
        _ collection: Values, _ body: (UnsafePointer<Values.Element>, Int) -> Result
    ) -> Result {
        func run(_ buffer: UnsafeBufferPointer<Values.Element>) -> Result {
            if let base = buffer.baseAddress { return body(base, buffer.count) }
            // An empty buffer may have no address; nothing is read through this one.
            return withUnsafeTemporaryAllocation(of: Values.Element.self, capacity: 1) { body(UnsafePointer($0.baseAddress!), 0) }
        }
        if let result = collection.withContiguousStorageIfAvailable(run) { return result }
        return Array(collection).withUnsafeBufferPointer(run)
    }

    private static func pair<Values: Collection, Result>(
        _ a: Values, _ b: some Collection<Values.Element>, _ body: (UnsafePointer<Values.Element>, UnsafePointer<Values.Element>, Int) -> Result
    ) throws(HFError) -> Result {
        guard a.count == b.count else { throw dimensionMismatch(field: "b", count: b.count, expected: a.count) }
        return contiguous(a) { x, count in contiguous(b) { y, _ in body(x, y, count) } }
    }
}
