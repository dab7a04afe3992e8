/// Reads an embeddings response from bytes into one contiguous buffer, checking its structure:
/// every vector has the same length, every number sits at the same depth, nesting is at most four
/// levels, and nothing but white space follows the document.
struct EmbeddingsReader {
    typealias Failure = ByteScanner.Failure

    /// `[[[[d]]]]`: the deepest response known, token vectors of a batch from a pipeline that keeps
    /// a batch axis of one per input.
    static let maximumRank = 4

    private var scanner: ByteScanner
    private var storage: FloatStorage
    private var dimension = -1
    private var rows = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        scanner = ByteScanner(bytes)
        // About 20 bytes per number in typical responses; growth covers the rest.
        storage = FloatStorage(capacity: bytes.count / 16)
    }

    /// Reads a response of either shape: nested arrays (`[d]`, `[n][d]`, `[n][t][d]`,
    /// `[n][1][t][d]`), or an OpenAI-style object whose `data[].embedding` hold the vectors.
    static func read(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> Embeddings {
        var reader = EmbeddingsReader(bytes)
        defer { reader.storage.deallocate() }
        reader.scanner.skipWhitespace()
        let embeddings: Embeddings
        switch reader.scanner.peek {
        case UInt8(ascii: "["): embeddings = try reader.readNested()
        case UInt8(ascii: "{"): embeddings = try reader.readObject()
        default: throw reader.scanner.fail("expected '[' (nested arrays of numbers) or '{' (an object with `data`), found \(reader.scanner.found)")
        }
        reader.scanner.skipWhitespace()
        guard reader.scanner.isAtEnd else { throw reader.scanner.fail("unexpected \(reader.scanner.found) after the embeddings") }
        return embeddings
    }

    // MARK: Vectors

    /// Reads `[number, …]` onto the storage; the cursor is on `[`.
    @inline(__always)
    private mutating func readVector() throws(Failure) {
        let start = scanner.index
        scanner.index += 1
        scanner.skipWhitespace()
        guard scanner.peek != UInt8(ascii: "]") else { throw scanner.fail("an embedding vector is empty", at: start) }
        var length = 0
        repeat {
            storage.append(try scanner.readFloat())
            length += 1
        } while try scanner.separator(closing: UInt8(ascii: "]"), "in a vector of numbers")
        if dimension < 0 {
            dimension = length
        } else if length != dimension {
            throw scanner.fail("vector \(rows) has \(length) values where the vectors before it have \(dimension)", at: start)
        }
        rows += 1
    }

    // MARK: Nested arrays

    private mutating func readNested() throws(Failure) -> Embeddings {
        // The depth of the first number fixes the rank; every other number must sit as deep.
        var probe = scanner
        var rank = 0
        while probe.peek == UInt8(ascii: "[") {
            rank += 1
            guard rank <= Self.maximumRank else {
                throw probe.fail("arrays nested more than \(Self.maximumRank) levels deep; embeddings have at most \(Self.maximumRank)")
            }
            probe.index += 1
            probe.skipWhitespace()
        }
        if probe.peek == UInt8(ascii: "]") {
            guard rank == 1 else { throw probe.fail("an embedding vector is empty") }
            scanner = probe
            scanner.index += 1
            return Embeddings(trusted: [], dimension: 0, shape: .matrix)
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
        let start = scanner.index
        scanner.index += 1
        scanner.skipWhitespace()
        var elements = 0
        repeat {
            guard scanner.peek == UInt8(ascii: "[") else {
                throw scanner.fail("expected '[' at nesting level \(level + 1) of \(rank), found \(scanner.found): the arrays are nested unevenly")
            }
            try readArray(level: level + 1, rank: rank, tokenCounts: &tokenCounts)
            elements += 1
        } while try scanner.separator(closing: UInt8(ascii: "]"), "in an array of vectors")
        if level == rank - 1 && rank >= 3 {
            tokenCounts.append(elements)
        } else if level == 2 && rank == 4 && elements != 1 {
            throw scanner.fail("a four-level response must hold one token sequence per input, found \(elements)", at: start)
        }
    }

    // MARK: OpenAI-style object

    private mutating func readObject() throws(Failure) -> Embeddings {
        scanner.index += 1
        scanner.skipWhitespace()
        var order: [Int]?
        if scanner.peek != UInt8(ascii: "}") {
            repeat {
                let key = try readKey()
                if scanner.bytes(key, equal: "data") {
                    guard order == nil else { throw scanner.fail("the response object has two `data` keys") }
                    order = try readDataArray()
                } else {
                    try scanner.skipValue()
                }
            } while try scanner.separator(closing: UInt8(ascii: "}"), "in the response object")
        }
        guard let order else { throw scanner.fail("the response object has no `data` array of embeddings", at: 0) }
        let values = order == Array(order.indices) ? storage.makeArray() : storage.makeArray(rowOrder: order, dimension: dimension)
        return Embeddings(trusted: values, dimension: max(dimension, 0), shape: .matrix)
    }

    /// Reads `"key"` and the `:` after it, leaving the cursor on the value.
    private mutating func readKey() throws(Failure) -> Range<Int> {
        let key = try scanner.readRawString()
        scanner.skipWhitespace()
        try scanner.expect(UInt8(ascii: ":"), "after an object key")
        scanner.skipWhitespace()
        return key
    }

    /// Reads `[{"embedding": […], "index": i, …}, …]` and returns, for each output row, the row
    /// read that belongs there (by `index`, or arrival order when items have none).
    private mutating func readDataArray() throws(Failure) -> [Int] {
        let start = scanner.index
        try scanner.expect(UInt8(ascii: "["), "to start `data`")
        scanner.skipWhitespace()
        var indices: [Int] = []
        if scanner.peek == UInt8(ascii: "]") {
            scanner.index += 1
            return indices
        }
        repeat {
            indices.append(try readDataItem(position: indices.count))
        } while try scanner.separator(closing: UInt8(ascii: "]"), "in `data`")
        // Place row r at position indices[r]; the indices must be a permutation of 0..<n.
        var order = [Int](repeating: -1, count: indices.count)
        for (row, index) in indices.enumerated() {
            guard index < order.count, order[index] < 0 else {
                throw scanner.fail("the `index` values of `data` are not 0..<\(indices.count) each once", at: start)
            }
            order[index] = row
        }
        return order
    }

    private mutating func readDataItem(position: Int) throws(Failure) -> Int {
        let start = scanner.index
        try scanner.expect(UInt8(ascii: "{"), "for an item of `data`")
        scanner.skipWhitespace()
        var index: Int?
        var hasEmbedding = false
        if scanner.peek != UInt8(ascii: "}") {
            repeat {
                let key = try readKey()
                if scanner.bytes(key, equal: "embedding") {
                    guard !hasEmbedding else { throw scanner.fail("an item of `data` has two `embedding` keys") }
                    guard scanner.peek == UInt8(ascii: "[") else {
                        throw scanner.fail("`embedding` is \(scanner.found), not an array of numbers (base64 output is not read; request float encoding)")
                    }
                    try readVector()
                    hasEmbedding = true
                } else if scanner.bytes(key, equal: "index") {
                    let token = try scanner.readNumber()
                    guard !token.negative, token.exponent == 0, token.significand < UInt64(Int32.max) else {
                        throw scanner.fail("`index` must be a small non-negative integer", at: token.range.lowerBound)
                    }
                    index = Int(token.significand)
                } else {
                    try scanner.skipValue()
                }
            } while try scanner.separator(closing: UInt8(ascii: "}"), "in an item of `data`")
        } else {
            scanner.index += 1
        }
        guard hasEmbedding else { throw scanner.fail("item \(position) of `data` has no `embedding`", at: start) }
        return index ?? position
    }
}
