import Foundation
import HFTestSupport

/// Straightforward loops in `Double`, the reference the SIMD kernels are checked against.
enum ScalarReference {
    static func dot(_ a: [Float], _ b: [Float]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += Double(a[i]) * Double(b[i]) }
        return sum
    }

    static func norm(_ a: [Float]) -> Double { dot(a, a).squareRoot() }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        let denominator = norm(a) * norm(b)
        return denominator == 0 ? 0 : dot(a, b) / denominator
    }

    /// The best `k` rows by score, ties to the lower row.
    static func topK(_ scores: [Double], k: Int) -> [Int] {
        Array(scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(k))
    }
}

extension SplitMix64 {
    mutating func vector(_ count: Int, in range: ClosedRange<Float> = -1...1) -> [Float] {
        (0..<count).map { _ in Float.random(in: range, using: &self) }
    }
}
