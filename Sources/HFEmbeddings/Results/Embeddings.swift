import HFCore

/// Embedding vectors stored contiguously: one `[Float]` of `count × dimension` values, row after row.
///
/// A collection of its rows: `embeddings[i]` is the `i`-th vector as an `ArraySlice` of the shared
/// storage (no copy), `embeddings.count` is the number of vectors. ``shape`` says which text each
/// row belongs to; for token-level output, ``rows(forInput:)`` gives a text's rows and
/// ``meanPooled()`` one vector per text.
///
/// ```swift
/// let embeddings = try await client.embeddings.embed(["a cat", "a dog"], model: .allMiniLML6v2)
/// embeddings.dimension            // 384
/// let first: ArraySlice<Float> = embeddings[0]
/// embeddings.withUnsafeRow(1) { vector in vector.reduce(0, +) }
/// ```
public struct Embeddings: Sendable, Hashable, RandomAccessCollection {
    /// Every value, row after row.
    public let values: [Float]
    /// The length of each vector.
    public let dimension: Int
    /// How rows map to inputs.
    public let shape: EmbeddingShape

    /// Wraps `values` as rows of `dimension` values. Fails with a validation error when the count is
    /// not a multiple of `dimension`, or when a token-level shape does not add up to the row count.
    public init(values: [Float], dimension: Int, shape: EmbeddingShape = .matrix) throws(HFError) {
        try Validation.range(dimension, field: "dimension", in: values.isEmpty ? 0...Int.max : 1...Int.max)
        guard dimension == 0 ? values.isEmpty : values.count % dimension == 0 else {
            throw .validation(field: "values", "has \(values.count) values, which is not a whole number of rows of \(dimension)")
        }
        let rows = dimension == 0 ? 0 : values.count / dimension
        switch shape {
        case .vector where rows != 1:
            throw .validation(field: "shape", "a single vector needs exactly one row, got \(rows)")
        case .tokens(let counts) where counts.reduce(0, +) != rows || counts.contains(where: { $0 < 0 }):
            throw .validation(field: "shape", "token counts \(counts) do not add up to the \(rows) rows")
        default:
            break
        }
        self.init(trusted: values, dimension: dimension, shape: shape)
    }

    /// Rows given as separate arrays, all of the same length.
    ///
    /// ```swift
    /// let stored = try Embeddings(rows: [[0.1, 0.2], [0.3, 0.4]])
    /// ```
    public init(rows: [[Float]]) throws(HFError) {
        let dimension = rows.first?.count ?? 0
        if let index = rows.firstIndex(where: { $0.count != dimension }) {
            throw .validation(field: "rows[\(index)]", "has \(rows[index].count) values; the first row has \(dimension)")
        }
        try self.init(values: rows.flatMap { $0 }, dimension: dimension, shape: .matrix)
    }

    /// For values the package has already checked.
    package init(trusted values: [Float], dimension: Int, shape: EmbeddingShape) {
        self.values = values
        self.dimension = dimension
        self.shape = shape
    }

    // MARK: Rows

    public var startIndex: Int { 0 }
    public var endIndex: Int { dimension == 0 ? 0 : values.count / dimension }

    /// The `row`-th vector, sharing storage with ``values``.
    public subscript(row: Int) -> ArraySlice<Float> {
        precondition(row >= 0 && row < endIndex, "row \(row) is out of range 0..<\(endIndex)")
        return values[row * dimension ..< (row + 1) * dimension]
    }

    /// Calls `body` with the `row`-th vector, without copying.
    public func withUnsafeRow<Result>(_ row: Int, _ body: (UnsafeBufferPointer<Float>) throws -> Result) rethrows -> Result {
        precondition(row >= 0 && row < endIndex, "row \(row) is out of range 0..<\(endIndex)")
        return try values.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[row * dimension ..< (row + 1) * dimension]))
        }
    }

    // MARK: Inputs

    /// How many texts the rows stand for: one per row, except for token-level output.
    public var inputCount: Int {
        switch shape {
        case .vector: return 1
        case .matrix: return count
        case .tokens(let counts): return counts.count
        }
    }

    /// The rows that belong to input `input`: one row, or for token-level output its tokens' rows.
    public func rows(forInput input: Int) -> Range<Int> {
        precondition(input >= 0 && input < inputCount, "input \(input) is out of range 0..<\(inputCount)")
        guard case .tokens(let counts) = shape else { return input ..< input + 1 }
        let start = counts[..<input].reduce(0, +)
        return start ..< start + counts[input]
    }

    /// One vector per input: token-level rows averaged per input; pooled embeddings unchanged.
    ///
    /// Averages are accumulated in `Double`. An input with no tokens gets a zero vector.
    public func meanPooled() -> Embeddings {
        guard case .tokens(let counts) = shape else { return self }
        var pooled = [Float](repeating: 0, count: counts.count * dimension)
        var sums = [Double](repeating: 0, count: dimension)
        var row = 0
        for (input, tokens) in counts.enumerated() {
            for column in 0..<dimension { sums[column] = 0 }
            for _ in 0..<tokens {
                let base = row * dimension
                for column in 0..<dimension { sums[column] += Double(values[base + column]) }
                row += 1
            }
            let scale = tokens == 0 ? 0 : 1 / Double(tokens)
            for column in 0..<dimension { pooled[input * dimension + column] = Float(sums[column] * scale) }
        }
        return Embeddings(trusted: pooled, dimension: dimension, shape: .matrix)
    }
}
