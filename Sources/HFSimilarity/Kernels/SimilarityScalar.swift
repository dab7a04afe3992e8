/// The element types the similarity functions accept: `Float` and `Double`.
///
/// Its requirements are the SIMD kernels over raw storage, compiled for each conforming type, so
/// generic callers reach specialised code through one call. They are public for callers that
/// manage their own buffers; the ``Similarity`` functions are the safe entry points.
///
/// ```swift
/// let single: Float = try Similarity.cosine([1, 0] as [Float], [0.6, 0.8])   // 0.6
/// let double: Double = try Similarity.cosine([1, 0] as [Double], [0.6, 0.8])
/// ```
public protocol SimilarityScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
    /// `Σ a[i]·b[i]` over `count` elements.
    static func dotProduct(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, count: Int) -> Self
    /// `(Σ a·b, Σ a·a, Σ b·b)` over `count` elements, in one pass.
    static func dotProductAndSquares(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, count: Int) -> (dot: Self, aa: Self, bb: Self)
    /// Writes `source / ‖source‖` to `target` (which may be uninitialised); a zero vector is copied.
    static func normalize(_ source: UnsafePointer<Self>, into target: UnsafeMutablePointer<Self>, count: Int)
}

extension SimilarityScalar {
    public static func dotProduct(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, count: Int) -> Self {
        VectorKernels.dot(a, b, count: count)
    }

    public static func dotProductAndSquares(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, count: Int) -> (dot: Self, aa: Self, bb: Self) {
        VectorKernels.dotAndSquares(a, b, count: count)
    }

    public static func normalize(_ source: UnsafePointer<Self>, into target: UnsafeMutablePointer<Self>, count: Int) {
        VectorKernels.normalize(source, into: target, count: count)
    }
}

extension Float: SimilarityScalar {}
extension Double: SimilarityScalar {}
