import Foundation
import HFCore
import HFEmbeddings

/// Vectors stored contiguously for similarity search: the `k` stored vectors most similar to a
/// query, by cosine similarity or dot product.
///
/// For cosine similarity the index keeps each vector L2-normalised, so a search costs one dot
/// product per stored vector (SIMD over the contiguous storage); large indexes are scanned on all
/// cores. Results are ranked by score, ties going to the vector added first; the ranking does not
/// depend on how the scan was split.
///
/// ```swift
/// let documents = try await client.embeddings.embedBatched(texts, model: .allMiniLML6v2)
/// let index = try VectorIndex(documents)
/// let query = try await client.embeddings.embed("a question", model: .allMiniLML6v2)
/// for hit in try index.search(query[0], k: 5) {
///     print(texts[hit.index], hit.score)
/// }
/// ```
public struct VectorIndex: Sendable {
    /// Scans of at least this many stored values are split across cores.
    static let parallelThreshold = 1 << 20

    /// How the index scores a query against its rows.
    public let metric: SimilarityMetric
    /// The length every vector must have.
    public let dimension: Int
    /// The stored vectors, row after row (normalised for ``SimilarityMetric/cosine``).
    public private(set) var storage: [Float]

    /// An empty index for vectors of `dimension` values.
    public init(dimension: Int, metric: SimilarityMetric = .cosine) throws(HFError) {
        try Validation.positive(dimension, field: "dimension")
        self.dimension = dimension
        self.metric = metric
        storage = []
    }

    /// An index holding every row of `embeddings` (token-level rows included, one per token).
    public init(_ embeddings: Embeddings, metric: SimilarityMetric = .cosine) throws(HFError) {
        guard embeddings.dimension > 0 else {
            throw .validation(field: "embeddings", "holds no vectors, so the index would have no dimension; use init(dimension:metric:)")
        }
        dimension = embeddings.dimension
        self.metric = metric
        storage = metric == .cosine ? embeddings.normalized().values : embeddings.values
    }

    /// How many vectors are stored.
    public var count: Int { storage.count / dimension }

    /// Adds one vector at position ``count``.
    public mutating func add(_ vector: some Collection<Float>) throws(HFError) {
        guard vector.count == dimension else { throw Similarity.dimensionMismatch(field: "vector", count: vector.count, expected: dimension) }
        storage += metric == .cosine ? Similarity.normalized(vector) : Array(vector)
    }

    /// Adds every row of `embeddings`, in order.
    public mutating func add(contentsOf embeddings: Embeddings) throws(HFError) {
        guard embeddings.isEmpty || embeddings.dimension == dimension else {
            throw Similarity.dimensionMismatch(field: "embeddings", count: embeddings.dimension, expected: dimension)
        }
        storage += metric == .cosine ? embeddings.normalized().values : embeddings.values
    }

    /// The `k` stored vectors most similar to `query`, best first (fewer when fewer are stored).
    public func search(_ query: some Collection<Float>, k: Int) throws(HFError) -> [SearchResult] {
        try Validation.positive(k, field: "k")
        let prepared = try prepare(query)
        let rows = count
        // More than is stored is allowed and means "all of them"; never reserve for more.
        let k = min(k, rows)
        guard k > 0 else { return [] }
        let chunks = rows * dimension >= Self.parallelThreshold ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, rows / 1024)) : 1
        let rowsPerChunk = (rows + chunks - 1) / max(chunks, 1)
        var partial = [[SearchResult]](repeating: [], count: chunks)
        scan(prepared) { stored, query in
            partial.withUnsafeMutableBufferPointer { output in
                let scan = ChunkedScan(stored: stored, query: query, output: output, dimension: dimension, rows: rows, rowsPerChunk: rowsPerChunk)
                if chunks == 1 {
                    scan.run(chunk: 0, k: k)
                } else {
                    DispatchQueue.concurrentPerform(iterations: chunks) { scan.run(chunk: $0, k: k) }
                }
            }
        }
        return Array(partial.joined().sorted(by: SearchResult.ranksBefore).prefix(k))
    }

    /// The score of every stored vector against `query`, in storage order.
    public func scores(for query: some Collection<Float>) throws(HFError) -> [Float] {
        let prepared = try prepare(query)
        let rows = count
        return [Float](unsafeUninitializedCapacity: rows) { scores, initialized in
            scan(prepared) { stored, query in
                for row in 0..<rows {
                    (scores.baseAddress! + row).initialize(to: VectorKernels.dot(stored + row * dimension, query, count: dimension))
                }
            }
            initialized = rows
        }
    }

    /// The query as the metric compares it: normalised for cosine.
    private func prepare(_ query: some Collection<Float>) throws(HFError) -> [Float] {
        guard query.count == dimension else { throw Similarity.dimensionMismatch(field: "query", count: query.count, expected: dimension) }
        return metric == .cosine ? Similarity.normalized(query) : Array(query)
    }

    private func scan(_ query: [Float], _ body: (UnsafePointer<Float>, UnsafePointer<Float>) -> Void) {
        guard !storage.isEmpty else { return }
        storage.withUnsafeBufferPointer { stored in
            query.withUnsafeBufferPointer { query in body(stored.baseAddress!, query.baseAddress!) }
        }
    }
}

/// One chunk of rows scanned for the best `k`, writing only its own slot of the output.
///
/// `@unchecked Sendable`: the pointers outlive the synchronous `concurrentPerform` that uses them,
/// the inputs are only read, and each chunk writes a different element of `output`.
private struct ChunkedScan: @unchecked Sendable {
    let stored: UnsafePointer<Float>
    let query: UnsafePointer<Float>
    let output: UnsafeMutableBufferPointer<[SearchResult]>
    let dimension: Int
    let rows: Int
    let rowsPerChunk: Int

    func run(chunk: Int, k: Int) {
        var selection = TopKSelection(k: k)
        for row in chunk * rowsPerChunk ..< min(rows, (chunk + 1) * rowsPerChunk) {
            selection.offer(SearchResult(index: row, score: VectorKernels.dot(stored + row * dimension, query, count: dimension)))
        }
        output[chunk] = selection.results
    }
}
