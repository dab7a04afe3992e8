import Foundation
import HFEmbeddings
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFSimilarity

/// Dot product, cosine and normalisation against a plain `Double` loop, within 1e-6 (relative to
/// the size of the terms for unbounded results); the SIMD kernels add in another order, so exact
/// equality with a left-to-right `Float` loop is not expected.
@Suite("Similarity")
struct SimilarityTests {
    static let lengths = [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 384, 768, 1024, 1027]

    @Test("dot, cosine and norm match the scalar reference for every length", arguments: lengths)
    func floatKernels(_ length: Int) throws {
        var generator = SplitMix64(seed: UInt64(length) + 1)
        for _ in 0..<20 {
            let a = generator.vector(length), b = generator.vector(length)
            let scale = max(1, ScalarReference.norm(a) * ScalarReference.norm(b))
            #expect(abs(Double(try Similarity.dot(a, b)) - ScalarReference.dot(a, b)) <= 1e-6 * scale)
            #expect(abs(Double(try Similarity.cosine(a, b)) - ScalarReference.cosine(a, b)) <= 1e-6)
            #expect(abs(Double(Similarity.norm(a)) - ScalarReference.norm(a)) <= 1e-6 * max(1, ScalarReference.norm(a)))
            let unit = Similarity.normalized(a)
            if length > 0 { #expect(abs(ScalarReference.norm(unit) - 1) <= 1e-6) }
            for i in a.indices { #expect(abs(Double(unit[i]) - Double(a[i]) / ScalarReference.norm(a)) <= 1e-6) }
        }
    }

    @Test("Double versions match the scalar reference", arguments: [0, 3, 8, 33, 384])
    func doubleKernels(_ length: Int) throws {
        var generator = SplitMix64(seed: 99)
        let a = generator.vector(length).map(Double.init), b = generator.vector(length).map(Double.init)
        var dot = 0.0, aa = 0.0, bb = 0.0
        for i in a.indices { dot += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i] }
        #expect(abs(try Similarity.dot(a, b) - dot) <= 1e-12 * max(1, aa))
        #expect(abs(try Similarity.cosine(a, b) - (aa * bb == 0 ? 0 : dot / (aa.squareRoot() * bb.squareRoot()))) <= 1e-12)
        #expect(abs(Similarity.norm(a) - aa.squareRoot()) <= 1e-12 * max(1, aa))
        #expect(Similarity.normalized(a).count == length)
    }

    @Test("rows of Embeddings, slices and lazy collections work the same as arrays")
    func collections() throws {
        let embeddings = try Embeddings(rows: [[1, 2, 3], [4, 5, 6]])
        let viaRows = try Similarity.dot(embeddings[0], embeddings[1])
        #expect(viaRows == 32)
        #expect(try Similarity.dot([1, 2, 3].lazy.map { Float($0) }, [4, 5, 6] as [Float]) == 32)
        #expect(try Similarity.cosine(embeddings[1], [8, 10, 12] as [Float]) == 1)
    }

    @Test("vectors of different lengths: a validation error naming both lengths")
    func dimensionMismatch() {
        let error = #expect(throws: HFError.self) { try Similarity.cosine([1, 2, 3] as [Float], [1, 2] as [Float]) }
        #expect(error?.category == .validation)
        #expect(error?.field == "b")
        #expect(error?.message.contains("has 2 values but 3 are expected") == true)
        #expect(throws: HFError.self) { try Similarity.dot([1.0, 2.0], [1.0]) }
    }

    @Test("zero vectors: cosine 0, not NaN; normalising leaves them unchanged")
    func zeroVectors() throws {
        let zero = [Float](repeating: 0, count: 40)
        #expect(try Similarity.cosine(zero, [Float](repeating: 1, count: 40)) == 0)
        #expect(try Similarity.cosine(zero, zero) == 0)
        #expect(Similarity.normalized(zero) == zero)
        #expect(try Similarity.cosine([0.0, 0.0], [1.0, 2.0]) == 0)
        let embeddings = try Embeddings(rows: [[0, 0], [3, 4]]).normalized()
        #expect(Array(embeddings[0]) == [0, 0] && Array(embeddings[1]) == [0.6, 0.8])
    }

    @Test("a recorded embedding is its own nearest neighbour, with cosine 1")
    func recordedEmbedding() throws {
        let body = try RecordedCase.load("legacy.InferenceClientVCRTest.test_feature_extraction_with_sentence_transformers").interactions[0].response.body
        let vector = try EmbeddingsDecoder.decode(body)[0]
        #expect(abs(try Similarity.cosine(vector, vector) - 1) <= 1e-6)
        #expect(abs(Similarity.norm(vector) - 1) <= 1e-5)   // all-MiniLM-L6-v2 replies are normalised
    }

    @Test("similarity matrix equals the scalar reference; mismatched dimensions are refused")
    func matrix() throws {
        var generator = SplitMix64(seed: 5)
        let a = try Embeddings(rows: (0..<7).map { _ in generator.vector(50) })
        let b = try Embeddings(rows: (0..<5).map { _ in generator.vector(50) })
        for metric in [SimilarityMetric.cosine, .dotProduct] {
            let matrix = try Similarity.matrix(a, b, metric: metric)
            #expect(matrix.rows == 7 && matrix.columns == 5)
            for i in 0..<7 {
                for j in 0..<5 {
                    let x = Array(a[i]), y = Array(b[j])
                    let expected = metric == .cosine ? ScalarReference.cosine(x, y) : ScalarReference.dot(x, y)
                    #expect(abs(Double(matrix[i, j]) - expected) <= 1e-6 * (metric == .cosine ? 1 : ScalarReference.norm(x) * ScalarReference.norm(y)))
                }
            }
        }
        let square = Similarity.matrix(a)
        #expect(square.rows == 7 && square.columns == 7)
        for i in 0..<7 { #expect(abs(square[i, i] - 1) <= 1e-6) }
        let other = try Embeddings(rows: [[1, 2]])
        let error = #expect(throws: HFError.self) { try Similarity.matrix(a, other) }
        #expect(error?.field == "b")
    }
}
