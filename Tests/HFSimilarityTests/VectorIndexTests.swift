import Foundation
import HFEmbeddings
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFSimilarity

@Suite("Top-k search")
struct VectorIndexTests {
    static func randomEmbeddings(rows: Int, dimension: Int, seed: UInt64) throws -> Embeddings {
        var generator = SplitMix64(seed: seed)
        return try Embeddings(values: generator.vector(rows * dimension), dimension: dimension)
    }

    static func referenceScores(_ embeddings: Embeddings, _ query: [Float], _ metric: SimilarityMetric) -> [Double] {
        embeddings.map { row in metric == .cosine ? ScalarReference.cosine(Array(row), query) : ScalarReference.dot(Array(row), query) }
    }

    /// The index's answer must be the reference ranking, except where reference scores are closer
    /// than the tolerance (the order of near-ties may legitimately differ).
    static func expectMatches(_ results: [SearchResult], _ reference: [Double], k: Int, tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = ScalarReference.topK(reference, k: k)
        #expect(results.count == expected.count, sourceLocation: sourceLocation)
        for (result, index) in zip(results, expected) {
            #expect(abs(Double(result.score) - reference[result.index]) <= tolerance, sourceLocation: sourceLocation)
            if result.index != index {
                #expect(abs(reference[result.index] - reference[index]) <= 2 * tolerance, "rank of \(result.index) vs \(index)", sourceLocation: sourceLocation)
            }
        }
        #expect(zip(results, results.dropFirst()).allSatisfy { SearchResult.ranksBefore($0, $1) }, sourceLocation: sourceLocation)
    }

    @Test("top-k equals the scalar reference", arguments: [SimilarityMetric.cosine, .dotProduct])
    func smallIndex(_ metric: SimilarityMetric) throws {
        let embeddings = try Self.randomEmbeddings(rows: 2_000, dimension: 67, seed: 1)
        let index = try VectorIndex(embeddings, metric: metric)
        var generator = SplitMix64(seed: 2)
        for k in [1, 5, 64] {
            let query = generator.vector(67)
            let reference = Self.referenceScores(embeddings, query, metric)
            let scale = metric == .cosine ? 1 : ScalarReference.norm(query) * 10
            Self.expectMatches(try index.search(query, k: k), reference, k: k, tolerance: 1e-6 * scale)
            let scores = try index.scores(for: query)
            #expect(zip(scores, reference).allSatisfy { abs(Double($0) - $1) <= 1e-6 * scale })
        }
    }

    @Test("a large index is scanned in parallel chunks with the same answer as one chunk")
    func parallelScan() throws {
        let embeddings = try Self.randomEmbeddings(rows: 3_000, dimension: 384, seed: 3)
        #expect(embeddings.values.count >= VectorIndex.parallelThreshold)
        let index = try VectorIndex(embeddings)
        var generator = SplitMix64(seed: 4)
        let query = generator.vector(384)
        let results = try index.search(query, k: 25)
        Self.expectMatches(results, Self.referenceScores(embeddings, query, .cosine), k: 25, tolerance: 1e-6)
        // The same rows scored one by one, sequentially.
        let scores = try index.scores(for: query)
        let sequential = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(25)
        #expect(results.map(\.index) == Array(sequential))
        #expect(results.map(\.score) == sequential.map { scores[$0] })
    }

    @Test("ties go to the vector added first; NaN scores rank last; k beyond the count returns everything")
    func ties() throws {
        var index = try VectorIndex(dimension: 2, metric: .dotProduct)
        for vector: [Float] in [[1, 0], [0, 1], [1, 0], [.nan, 0], [1, 0], [0.5, 0]] { try index.add(vector) }
        let results = try index.search([1, 0] as [Float], k: 10)
        #expect(results.map(\.index) == [0, 2, 4, 5, 1, 3])
        #expect(results.count == index.count)
        #expect(try index.search([1, 0] as [Float], k: 2).map(\.index) == [0, 2])
    }

    @Test("adding embeddings keeps insertion order; cosine indexes hold unit vectors")
    func adding() throws {
        var index = try VectorIndex(dimension: 2)
        try index.add(contentsOf: try Embeddings(rows: [[3, 4], [0, 0]]))
        try index.add([0, 2] as [Float])
        #expect(index.count == 3)
        #expect(index.storage == [0.6, 0.8, 0, 0, 0, 1])
        let hits = try index.search([0, 1] as [Float], k: 3)
        #expect(hits.map(\.index) == [2, 0, 1])
        #expect(hits.map(\.score) == [1, 0.8, 0])
    }

    @Test("wrong dimensions and bad k are refused with validation errors")
    func validation() throws {
        var index = try VectorIndex(dimension: 3)
        let cases: [(String, () throws -> Void)] = [
            ("vector", { try index.add([1, 2] as [Float]) }),
            ("embeddings", { try index.add(contentsOf: try Embeddings(rows: [[1, 2]])) }),
            ("query", { _ = try index.search([1] as [Float], k: 1) }),
            ("k", { _ = try index.search([1, 2, 3] as [Float], k: 0) }),
            ("dimension", { _ = try VectorIndex(dimension: 0) }),
            ("embeddings", { _ = try VectorIndex(try Embeddings(rows: [])) }),
        ]
        for (field, call) in cases {
            let error = #expect(throws: HFError.self) { try call() }
            #expect(error?.field == field)
        }
        #expect(try index.search([1, 2, 3] as [Float], k: 3).isEmpty)
    }
}
