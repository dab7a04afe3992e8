@_spi(JSONReader) import HFJSON
import HFCore

/// Reads an embeddings response from bytes into one contiguous buffer with the package's JSON
/// reader, checking its structure: every vector has the same length, every number sits at the
/// same depth, nesting is at most four levels, and nothing but white space follows the document.
/// Numbers become `Float` exactly as `JSONDecoder` would make them (``JSONReader/readFloat()``).
struct EmbeddingsReader {
    typealias Failure = JSONSyntaxError

    /// `[[[[d]]]]`: the deepest response known, token vectors of a batch from a pipeline that keeps
    /// a batch axis of one per input.
    static let maximumRank = 4

    private var reader: JSONReader
    private var storage: FloatStorage
    private var dimension = -1
    private var rows = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        reader = JSONReader(bytes)
        // About 20 bytes per number in typical responses; growth covers the rest.
        storage = FloatStorage(capacity: bytes.count / 16)
    }

    /// Reads a response of either shape: nested arrays (`[d]`, `[n][d]`, `[n][t][d]`,
    /// `[n][1][t][d]`), or an OpenAI-style object whose `data[].embedding` hold the vectors.
    static func read(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> Embeddings {
        var reader = EmbeddingsReader(bytes)
        defer { reader.storage.deallocate() }
        let embeddings: Embeddings
        switch try? reader.reader.peekKind() {
        case .array?: embeddings = try reader.readNested()
        case .object?: embeddings = try reader.readObject()
        default: throw reader.reader.fail("expected '[' (nested arrays of numbers) or '{' (an object with `data`), found \(reader.reader.found)")
        }
        do {
            try reader.reader.finish()
        } catch {
            throw reader.reader.fail("unexpected \(reader.reader.found) after the embeddings")
        }
        return embeddings
    }

    // MARK: Vectors

    /// Reads `[number, …]` onto the storage.
    @inline(__always)
    private mutating func readVector() throws(Failure) {
        let start = reader.offset
        // The storage is moved out for the loop (the reader and it are both parts of `self`),
        // and back even when the reader throws: growing it may have moved its buffer.
        var floats = storage
        defer { storage = floats }
        let length = try reader.readFloatArray { floats.append($0) }
        guard length > 0 else { throw reader.fail("an embedding vector is empty", at: start) }
        if dimension < 0 {
            dimension = length
        } else if length != dimension {
            throw reader.fail("vector \(rows) has \(length) values where the vectors before it have \(dimension)", at: start)
        }
        rows += 1
    }

    // MARK: Nested arrays

    private mutating func readNested() throws(Failure) -> Embeddings {
        // The depth of the first number fixes the rank; every other number must sit as deep.
        var probe = reader
        var rank = 0
        while (try? probe.peekKind()) == .array {
            rank += 1
            guard rank <= Self.maximumRank else {
                throw probe.fail("arrays nested more than \(Self.maximumRank) levels deep; embeddings have at most \(Self.maximumRank)")
            }
            try probe.beginArray()
            guard try probe.nextElement() else {
                guard rank == 1 else { throw probe.fail("an embedding vector is empty") }
                reader = probe
                return Embeddings(trusted: [], dimension: 0, shape: .matrix)
            }
        }
        var tokenCounts: [Int] = []
        try readArray(level: 1, rank: rank, tokenCounts: &tokenCounts)
        let shape: EmbeddingShape
        switch rank {
        case 1: shape = .vector
        case 2: shape = .matrix
        default: shape = .tokens(tokenCounts)
        }
        return Embeddings(trusted: storage.makeArray(), dimension: dimension, shape: shape)
    }

    private mutating func readArray(level: Int, rank: Int, tokenCounts: inout [Int]) throws(Failure) {
        guard level < rank else { return try readVector() }
        let start = reader.offset
        try reader.beginArray()
        var elements = 0
        while try reader.nextElement() {
            guard try reader.peekKind() == .array else {
                throw reader.fail("expected '[' at nesting level \(level + 1) of \(rank), found \(reader.found): the arrays are nested unevenly")
            }
            try readArray(level: level + 1, rank: rank, tokenCounts: &tokenCounts)
            elements += 1
        }
        guard elements > 0 else {
            throw reader.fail("expected '[' at nesting level \(level + 1) of \(rank), found an empty array: the arrays are nested unevenly", at: start)
        }
        if level == rank - 1 && rank >= 3 {
            tokenCounts.append(elements)
        } else if level == 2 && rank == 4 && elements != 1 {
            throw reader.fail("a four-level response must hold one token sequence per input, found \(elements)", at: start)
        }
    }

    // MARK: OpenAI-style object

    private mutating func readObject() throws(Failure) -> Embeddings {
        try reader.beginObject()
        var layout: (rowOrder: [Int], shape: EmbeddingShape)?
        while let key = try reader.nextKey() {
            if key == "data" {
                guard layout == nil else { throw reader.fail("the response object has two `data` keys") }
                layout = try readDataArray()
            } else {
                try reader.skipValue()
            }
        }
        guard let layout else { throw reader.fail("the response object has no `data` array of embeddings", at: 0) }
        let order = layout.rowOrder
        let values = order == Array(order.indices) ? storage.makeArray() : storage.makeArray(rowOrder: order, dimension: dimension)
        return Embeddings(trusted: values, dimension: max(dimension, 0), shape: layout.shape)
    }

    /// Reads `[{"embedding": …, "index": i, …}, …]` and returns, for each output row, the row read
    /// that belongs there (items by `index`, or arrival order when they have none), and the shape:
    /// `.matrix` when every `embedding` is one vector, `.tokens` when every one is a list of token
    /// vectors (llama.cpp's server answers so for a model without pooling).
    private mutating func readDataArray() throws(Failure) -> (rowOrder: [Int], shape: EmbeddingShape) {
        let start = reader.offset
        guard try reader.peekKind() == .array else { throw reader.fail("expected '[' to start `data`, found \(reader.found)") }
        try reader.beginArray()
        var items: [(index: Int, tokens: Int?)] = []
        while try reader.nextElement() {
            let item = try readDataItem(position: items.count)
            if let first = items.first, (first.tokens == nil) != (item.tokens == nil) {
                throw reader.fail("`data` mixes single vectors with lists of token vectors", at: start)
            }
            items.append(item)
        }
        // Place item r at position items[r].index; the indices must be a permutation of 0..<n.
        var order = [Int](repeating: -1, count: items.count)
        for (item, entry) in items.enumerated() {
            guard entry.index < order.count, order[entry.index] < 0 else {
                throw reader.fail("the `index` values of `data` are not 0..<\(items.count) each once", at: start)
            }
            order[entry.index] = item
        }
        guard items.first?.tokens != nil else { return (order, .matrix) }
        // Token-level: item r owns rows firstRow[r] ..< firstRow[r] + tokens.
        let counts = items.map { $0.tokens ?? 0 }
        var firstRow: [Int] = []
        var row = 0
        for count in counts {
            firstRow.append(row)
            row += count
        }
        let rowOrder = order.flatMap { item in firstRow[item]..<(firstRow[item] + counts[item]) }
        return (rowOrder, .tokens(order.map { counts[$0] }))
    }

    /// Reads one item of `data`: its `index`, and its token count when `embedding` is a list of
    /// token vectors rather than one vector.
    private mutating func readDataItem(position: Int) throws(Failure) -> (index: Int, tokens: Int?) {
        let start = reader.offset
        guard try reader.peekKind() == .object else { throw reader.fail("expected '{' for an item of `data`, found \(reader.found)") }
        try reader.beginObject()
        var index: Int?
        var tokens: Int?
        var hasEmbedding = false
        while let key = try reader.nextKey() {
            if key == "embedding" {
                guard !hasEmbedding else { throw reader.fail("an item of `data` has two `embedding` keys") }
                guard try reader.peekKind() == .array else {
                    throw reader.fail("`embedding` is \(reader.found), not an array of numbers (base64 output is not read; request float encoding)")
                }
                var probe = reader
                try probe.beginArray()
                if try probe.nextElement(), try probe.peekKind() == .array {
                    tokens = try readTokenVectors()
                } else {
                    try readVector()
                }
                hasEmbedding = true
            } else if key == "index" {
                let indexStart = reader.offset
                guard case .integer(let value) = try reader.readNumber(), (0..<Int64(Int32.max)).contains(value) else {
                    throw reader.fail("`index` must be a small non-negative integer", at: indexStart)
                }
                index = Int(value)
            } else {
                try reader.skipValue()
            }
        }
        guard hasEmbedding else { throw reader.fail("item \(position) of `data` has no `embedding`", at: start) }
        return (index ?? position, tokens)
    }

    /// Reads `[[number, …], …]`, one vector per token, and returns how many there were.
    private mutating func readTokenVectors() throws(Failure) -> Int {
        try reader.beginArray()
        var count = 0
        while try reader.nextElement() {
            guard try reader.peekKind() == .array else {
                throw reader.fail("expected '[' for a token's vector, found \(reader.found): the arrays are nested unevenly")
            }
            try readVector()
            count += 1
        }
        return count
    }
}
