/// A cursor over UTF-8 JSON bytes for the embeddings decoder: no intermediate values, no strings
/// for numbers. Every read checks the end first, so malformed or truncated input fails with a
/// ``Failure`` and never reads out of bounds.
struct ByteScanner {
    /// Why and where the input stopped making sense.
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        /// The text around ``offset``.
        let excerpt: String

        var description: String { "\(reason) at byte \(offset), near `\(excerpt)`" }
    }

    /// Containers nested deeper than this are refused while skipping unknown values.
    static let maximumSkipDepth = 64

    let base: UnsafePointer<UInt8>
    let count: Int
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        // An empty buffer may have no address; any valid pointer does, since nothing is read from it.
        base = bytes.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? UnsafePointer(bitPattern: 1)!
        count = bytes.count
    }

    var isAtEnd: Bool { index >= count }

    /// The current byte, or 0 at the end (0 never starts a valid JSON token).
    var peek: UInt8 { index < count ? base[index] : 0 }

    func fail(_ reason: String, at offset: Int? = nil) -> Failure {
        let offset = offset ?? index
        let from = max(0, offset - 24), to = min(count, offset + 24)
        let excerpt = String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self)
        return Failure(offset: offset, reason: reason, excerpt: excerpt)
    }

    /// A description of the current byte for messages.
    var found: String {
        guard index < count else { return "the end of the input" }
        let byte = base[index]
        return (32..<127).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Consumes `byte` or fails naming `context`.
    mutating func expect(_ byte: UInt8, _ context: String) throws(Failure) {
        guard peek == byte else {
            throw fail("expected '\(Character(Unicode.Scalar(byte)))' \(context), found \(found)")
        }
        index += 1
    }

    /// After an element: consumes `,` and returns `true`, or consumes `closer` and returns `false`.
    mutating func separator(closing closer: UInt8, _ context: String) throws(Failure) -> Bool {
        skipWhitespace()
        switch peek {
        case UInt8(ascii: ","):
            index += 1
            skipWhitespace()
            return true
        case closer:
            index += 1
            return false
        default:
            throw fail("expected ',' or '\(Character(Unicode.Scalar(closer)))' \(context), found \(found)")
        }
    }

    /// Reads a string's raw bytes (escapes left as written) and returns their range; the cursor
    /// must be on the opening quote.
    mutating func readRawString() throws(Failure) -> Range<Int> {
        try expect(UInt8(ascii: "\""), "to start a string")
        let start = index
        while index < count {
            switch base[index] {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                return start..<index
            case UInt8(ascii: "\\"):
                index += 2
            case 0..<0x20:
                throw fail("control character inside a string")
            default:
                index += 1
            }
        }
        throw fail("unterminated string", at: start - 1)
    }

    /// `true` when the bytes in `range` spell `literal`.
    func bytes(_ range: Range<Int>, equal literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount, range.upperBound <= count else { return false }
        return literal.withUTF8Buffer { expected in
            expected.indices.allSatisfy { base[range.lowerBound + $0] == expected[$0] }
        }
    }

    /// Skips one JSON value of any kind, checking its syntax.
    mutating func skipValue(depth: Int = 0) throws(Failure) {
        switch peek {
        case UInt8(ascii: "\""):
            _ = try readRawString()
        case UInt8(ascii: "{"):
            try skipContainer(closer: UInt8(ascii: "}"), keyed: true, depth: depth)
        case UInt8(ascii: "["):
            try skipContainer(closer: UInt8(ascii: "]"), keyed: false, depth: depth)
        case UInt8(ascii: "t"):
            try skipLiteral("true")
        case UInt8(ascii: "f"):
            try skipLiteral("false")
        case UInt8(ascii: "n"):
            try skipLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try readNumber()
        default:
            throw fail("expected a JSON value, found \(found)")
        }
    }

    private mutating func skipContainer(closer: UInt8, keyed: Bool, depth: Int) throws(Failure) {
        guard depth < Self.maximumSkipDepth else { throw fail("nested more than \(Self.maximumSkipDepth) levels deep") }
        index += 1
        skipWhitespace()
        if peek == closer {
            index += 1
            return
        }
        repeat {
            if keyed {
                _ = try readRawString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "after an object key")
                skipWhitespace()
            }
            try skipValue(depth: depth + 1)
        } while try separator(closing: closer, keyed ? "in an object" : "in an array")
    }

    private mutating func skipLiteral(_ literal: StaticString) throws(Failure) {
        let range = index ..< index + literal.utf8CodeUnitCount
        guard bytes(range, equal: literal) else { throw fail("expected a JSON value, found \(found)") }
        index = range.upperBound
    }
}
