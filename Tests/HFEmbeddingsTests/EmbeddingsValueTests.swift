import Foundation
import Testing

@testable import HFCore
@testable import HFEmbeddings

/// The `Embeddings` value: construction checks, row views, token-level helpers.
@Suite("Embeddings value")
struct EmbeddingsValueTests {
    @Test("rows are views of one contiguous buffer")
    func rows() throws {
        let embeddings = try Embeddings(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(embeddings.values == [1, 2, 3, 4, 5, 6])
        #expect(embeddings.count == 2 && embeddings.dimension == 3 && embeddings.shape == .matrix)
        #expect(Array(embeddings[1]) == [4, 5, 6])
        #expect(embeddings.map { Array($0) } == [[1, 2, 3], [4, 5, 6]])
        #expect(embeddings.withUnsafeRow(1) { $0.reduce(0, +) } == 15)
        #expect(embeddings.rows(forInput: 1) == 1..<2)
        #expect(embeddings.meanPooled() == embeddings)
    }

    @Test("construction refuses values that do not fit the dimension or the shape")
    func validation() {
        let cases: [(String, () throws -> Embeddings)] = [
            ("values", { try Embeddings(values: [1, 2, 3], dimension: 2) }),
            ("dimension", { try Embeddings(values: [1, 2], dimension: 0) }),
            ("shape", { try Embeddings(values: [1, 2, 3, 4], dimension: 2, shape: .vector) }),
            ("shape", { try Embeddings(values: [1, 2, 3, 4], dimension: 2, shape: .tokens([1, 2])) }),
            ("rows[1]", { try Embeddings(rows: [[1, 2], [3]]) }),
        ]
        for (field, make) in cases {
            let error = #expect(throws: HFError.self) { try make() }
            #expect(error?.category == .validation)
            #expect(error?.field == field)
        }
    }

    @Test("token-level output: each input's rows, and mean pooling to one vector per input")
    func tokens() throws {
        let embeddings = try Embeddings(values: [1, 2, 3, 4, 5, 6, 10, 20], dimension: 2, shape: .tokens([3, 1]))
        #expect(embeddings.inputCount == 2)
        #expect(embeddings.rows(forInput: 0) == 0..<3)
        #expect(embeddings.rows(forInput: 1) == 3..<4)
        let pooled = embeddings.meanPooled()
        #expect(pooled.shape == .matrix)
        #expect(pooled.values == [3, 4, 10, 20])
    }

    @Test("replies matched to the texts sent: a single text's `[t][d]` is token-level; counts must agree")
    func matching() throws {
        let two = try Embeddings(rows: [[1, 2], [3, 4]])
        #expect(try two.matched(toInputCount: 1).shape == .tokens([2]))
        #expect(try two.matched(toInputCount: 2).shape == .matrix)
        #expect(throws: Embeddings.ShapeMismatch.self) { try two.matched(toInputCount: 3) }
        let vector = try Embeddings(values: [1, 2], dimension: 2, shape: .vector)
        #expect(try vector.matched(toInputCount: 1) == vector)
        #expect(throws: Embeddings.ShapeMismatch.self) { try vector.matched(toInputCount: 2) }
    }

    @Test("batches join in order; mixed dimensions or pooling are refused")
    func joining() throws {
        let first = try Embeddings(rows: [[1, 2]])
        let second = try Embeddings(values: [3, 4], dimension: 2, shape: .vector)
        let joined = try Embeddings.joined([first, second])
        #expect(joined.values == [1, 2, 3, 4] && joined.shape == .matrix)
        let tokens = try Embeddings(values: [5, 6, 7, 8], dimension: 2, shape: .tokens([2]))
        #expect(try Embeddings.joined([tokens, tokens]).shape == .tokens([2, 2]))
        #expect(throws: Embeddings.ShapeMismatch.self) { try Embeddings.joined([first, tokens]) }
        #expect(throws: Embeddings.ShapeMismatch.self) { try Embeddings.joined([first, try Embeddings(rows: [[1, 2, 3]])]) }
        #expect(try Embeddings.joined([]).isEmpty)
    }
}
