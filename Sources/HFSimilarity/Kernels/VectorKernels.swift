/// The arithmetic under every public call, over raw contiguous storage.
///
/// Sums run in eight-lane SIMD vectors with four independent accumulators (32 products per step,
/// so additions do not wait on each other), then the lanes are added, then any tail. A plain loop
/// adds left to right; the results differ only by rounding (a few units in the last place, and
/// usually closer to the exact sum than the plain loop). The order is fixed for a given length,
/// so the same inputs always give the same bits.
enum VectorKernels {
    @inline(__always)
    private static func load<Scalar: SIMDScalar>(_ pointer: UnsafePointer<Scalar>, _ offset: Int) -> SIMD8<Scalar> {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD8<Scalar>.self)
    }

    /// `Σ a[i]·b[i]` over `count` elements.
    @inline(__always)
    static func dot<Scalar: SIMDScalar & BinaryFloatingPoint>(_ a: UnsafePointer<Scalar>, _ b: UnsafePointer<Scalar>, count: Int) -> Scalar {
        var s0 = SIMD8<Scalar>(), s1 = SIMD8<Scalar>(), s2 = SIMD8<Scalar>(), s3 = SIMD8<Scalar>()
        var i = 0
        while i + 32 <= count {
            s0 += load(a, i) * load(b, i)
            s1 += load(a, i + 8) * load(b, i + 8)
            s2 += load(a, i + 16) * load(b, i + 16)
            s3 += load(a, i + 24) * load(b, i + 24)
            i += 32
        }
        while i + 8 <= count {
            s0 += load(a, i) * load(b, i)
            i += 8
        }
        var sum = ((s0 + s1) + (s2 + s3)).sum()
        while i < count {
            sum += a[i] * b[i]
            i += 1
        }
        return sum
    }

    /// `(Σ a·b, Σ a·a, Σ b·b)` in one pass, for cosine similarity.
    @inline(__always)
    static func dotAndSquares<Scalar: SIMDScalar & BinaryFloatingPoint>(
        _ a: UnsafePointer<Scalar>, _ b: UnsafePointer<Scalar>, count: Int
    ) -> (dot: Scalar, aa: Scalar, bb: Scalar) {
        var ab0 = SIMD8<Scalar>(), ab1 = SIMD8<Scalar>()
        var aa0 = SIMD8<Scalar>(), aa1 = SIMD8<Scalar>()
        var bb0 = SIMD8<Scalar>(), bb1 = SIMD8<Scalar>()
        var i = 0
        while i + 16 <= count {
            let x0 = load(a, i), y0 = load(b, i), x1 = load(a, i + 8), y1 = load(b, i + 8)
            ab0 += x0 * y0
            ab1 += x1 * y1
            aa0 += x0 * x0
            aa1 += x1 * x1
            bb0 += y0 * y0
            bb1 += y1 * y1
            i += 16
        }
        var ab = (ab0 + ab1).sum(), aa = (aa0 + aa1).sum(), bb = (bb0 + bb1).sum()
        while i < count {
            ab += a[i] * b[i]
            aa += a[i] * a[i]
            bb += b[i] * b[i]
            i += 1
        }
        return (ab, aa, bb)
    }

    /// `ab / (√aa · √bb)`, or 0 when either vector is all zeros.
    @inline(__always)
    static func cosine<Scalar: BinaryFloatingPoint>(dot: Scalar, aa: Scalar, bb: Scalar) -> Scalar {
        let denominator = aa.squareRoot() * bb.squareRoot()
        return denominator == 0 ? 0 : dot / denominator
    }

    /// Writes `source / ‖source‖` to `target`, which may be uninitialised (the zero vector stays zero).
    @inline(__always)
    static func normalize<Scalar: SIMDScalar & BinaryFloatingPoint>(
        _ source: UnsafePointer<Scalar>, into target: UnsafeMutablePointer<Scalar>, count: Int
    ) {
        let norm = dot(source, source, count: count).squareRoot()
        guard norm > 0 else {
            target.initialize(from: source, count: count)
            return
        }
        for i in 0..<count { (target + i).initialize(to: source[i] / norm) }
    }
}
