/// A pull reader over the UTF-8 bytes of one JSON document: it walks objects, arrays, strings and
/// numbers in place and builds no tree, so a hand-written decoder reads the members it knows
/// straight into its fields and skips the rest. The package decodes stream events and chat replies
/// this way (see ``JSONReadable``), several times faster than `JSONDecoder`.
///
/// Strict RFC 8259: the one tokenizer of the package. ``JSONParser`` builds its ``JSONValue`` trees
/// with it and the embeddings decoder reads its floats with it, so the grammar, UTF-8 validation,
/// escape and surrogate rules, number parsing and nesting cap are the same everywhere. Every read
/// checks the end of the input first, so malformed or truncated input throws a ``JSONSyntaxError``
/// carrying the byte offset; it never reads out of bounds.
///
/// ```swift
/// let id: String? = try data.withUnsafeBytes { bytes in
///     var reader = JSONReader(bytes)
///     var id: String?
///     try reader.beginObject()
///     while let key = try reader.nextKey() {
///         switch key {
///         case "id": id = try reader.readString()
///         default: try reader.skipValue()
///         }
///     }
///     try reader.finish()
///     return id
/// }
/// ```
///
/// The bytes must stay valid and unchanged while the reader, and any ``JSONKey`` it returned, is in use.
@_spi(JSONReader) public struct JSONReader {
    /// Why the bytes are not JSON, and where.
    @_spi(JSONReader) public typealias Failure = JSONSyntaxError

    /// The deepest nesting accepted: enough for any real document, far below what would exhaust a
    /// thread's stack in the recursive reads.
    @_spi(JSONReader) public static let maximumDepth = 512

    /// What the next value is, from its first byte.
    @_spi(JSONReader) public enum Kind: Sendable, Equatable {
        case object, array, string, number, bool, null
    }

    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let count: Int
    /// The offset of the next byte to read.
    @_spi(JSONReader) public var offset = 0
    @usableFromInline var depth = 0
    /// Set by `beginObject`/`beginArray` until the first member or element: no comma is due yet.
    @usableFromInline var atContainerStart = false
    /// The unescaped bytes of the string being read, kept to reuse its capacity.
    @usableFromInline var scratch: [UInt8] = []

    /// A reader over `bytes`, which must outlive it.
    @_spi(JSONReader) public init(_ bytes: UnsafeRawBufferPointer) {
        // An empty buffer may have no address; any valid pointer does, since nothing is read from it.
        base = bytes.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? UnsafePointer(bitPattern: 1)!
        count = bytes.count
    }

    /// A failure at the current offset, or at `position`.
    @_spi(JSONReader) public func fail(_ reason: String, at position: Int? = nil) -> Failure {
        let position = position ?? offset
        let from = max(0, position - 24), to = min(count, position + 24)
        let excerpt = from < to ? String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self) : ""
        return Failure(offset: position, reason: reason, excerpt: excerpt)
    }

    /// The current byte, described for messages.
    @_spi(JSONReader) public var found: String {
        guard offset < count else { return "the end of the input" }
        let byte = base[offset]
        return (32..<127).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    /// The current byte, or 0 at the end (0 never starts a JSON token).
    @inlinable var peek: UInt8 {
        offset < count ? base[offset] : 0
    }

    @inlinable
    mutating func skipWhitespace() {
        while offset < count {
            switch base[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// Checks that only white space follows the document; call it after reading the document.
    @_spi(JSONReader) public mutating func finish() throws(Failure) {
        skipWhitespace()
        guard offset == count else { throw fail("unexpected \(found) after the document") }
    }

    // MARK: Kinds and literals

    /// The kind of the next value, white space skipped; fails at the end or on a byte that starts none.
    @inlinable
    @_spi(JSONReader) public mutating func peekKind() throws(Failure) -> Kind {
        skipWhitespace()
        switch peek {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw unexpectedByte()
        }
    }

    @usableFromInline
    func unexpectedByte() -> Failure {
        fail("expected a JSON value, found \(found)")
    }

    /// Consumes `null` when it is the next value and returns `true`; otherwise reads nothing.
    @inlinable
    @_spi(JSONReader) public mutating func readNull() throws(Failure) -> Bool {
        skipWhitespace()
        guard peek == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    /// Reads `true` or `false`.
    @_spi(JSONReader) public mutating func readBool() throws(Failure) -> Bool {
        skipWhitespace()
        switch peek {
        case UInt8(ascii: "t"): try expectLiteral("true"); return true
        case UInt8(ascii: "f"): try expectLiteral("false"); return false
        default: throw expected("a Boolean")
        }
    }

    @usableFromInline
    mutating func expectLiteral(_ literal: StaticString) throws(Failure) {
        let length = literal.utf8CodeUnitCount
        for position in 0..<length where offset + position >= count || base[offset + position] != literal.utf8Start[position] {
            throw fail("expected a JSON value, found \(offset + position >= count ? "the end of the input" : "an invalid literal")")
        }
        offset += length
    }

    @usableFromInline
    func expected(_ what: String) -> Failure {
        fail("expected \(what), found \(found)")
    }

    // MARK: Containers

    /// Consumes the `{` that opens an object; read its members with ``nextKey()``.
    @inlinable
    @_spi(JSONReader) public mutating func beginObject() throws(Failure) {
        try begin(UInt8(ascii: "{"), "an object")
    }

    /// The next member's name, with the reader on its value (which must be read or skipped before
    /// the next call); `nil` once the object's `}` is consumed.
    @inlinable
    @_spi(JSONReader) public mutating func nextKey() throws(Failure) -> JSONKey? {
        guard try nextItem(closer: UInt8(ascii: "}"), in: "an object") else { return nil }
        guard peek == UInt8(ascii: "\"") else { throw fail("expected a member name, found \(found)") }
        let key = try readKey()
        skipWhitespace()
        guard peek == UInt8(ascii: ":") else { throw fail("expected ':' after a member name, found \(found)") }
        offset += 1
        return key
    }

    /// Consumes the `[` that opens an array; step through its elements with ``nextElement()``.
    @inlinable
    @_spi(JSONReader) public mutating func beginArray() throws(Failure) {
        try begin(UInt8(ascii: "["), "an array")
    }

    /// Consumes `opener`, entering a container one level deeper.
    @inlinable
    mutating func begin(_ opener: UInt8, _ container: String) throws(Failure) {
        skipWhitespace()
        guard peek == opener else { throw expected(container) }
        depth += 1
        if depth > Self.maximumDepth { throw fail("nesting deeper than \(Self.maximumDepth)") }
        offset += 1
        atContainerStart = true
    }

    /// `true` with the reader on the next element (which must be read or skipped before the next
    /// call); `false` once the array's `]` is consumed.
    @inlinable
    @_spi(JSONReader) public mutating func nextElement() throws(Failure) -> Bool {
        try nextItem(closer: UInt8(ascii: "]"), in: "an array")
    }

    /// Steps past the `,` before an item, or consumes `closer` and leaves the container.
    @inlinable
    mutating func nextItem(closer: UInt8, in container: StaticString) throws(Failure) -> Bool {
        skipWhitespace()
        if atContainerStart {
            atContainerStart = false
            guard peek != closer else {
                offset += 1
                depth -= 1
                return false
            }
            return true
        }
        switch peek {
        case UInt8(ascii: ","):
            offset += 1
            skipWhitespace()
            return true
        case closer:
            offset += 1
            depth -= 1
            return false
        default:
            throw fail("expected ',' or '\(Character(Unicode.Scalar(closer)))' in \(container), found \(found)")
        }
    }

    // MARK: Skipping and whole values

    /// Skips the next value of any kind, checking it as strictly as reading it would.
    @_spi(JSONReader) public mutating func skipValue() throws(Failure) {
        switch try peekKind() {
        case .object:
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case .array:
            try beginArray()
            while try nextElement() { try skipValue() }
        case .string: try skipString()
        case .number: try skipNumber()
        case .bool: _ = try readBool()
        case .null: _ = try readNull()
        }
    }

    /// Reads the next value of any kind as a ``JSONValue``, object keys in order (a repeated key
    /// keeps its last value, in its first position).
    @_spi(JSONReader) public mutating func readValue() throws(Failure) -> JSONValue {
        switch try peekKind() {
        case .object:
            try beginObject()
            var keys: [String] = [], values: [JSONValue] = []
            // Past a few members, repeated keys are found through a table: a hostile body with a
            // million keys must not cost a million scans of the keys before it.
            var positions: [String: Int] = [:]
            while let key = try nextKey() {
                let name = key.string
                let value = try readValue()
                let existing = keys.count <= 16 ? keys.firstIndex(of: name) : positions[name]
                if let existing {
                    values[existing] = value
                    continue
                }
                if keys.count == 16 {
                    positions = Dictionary(keys.enumerated().map { ($1, $0) }) { first, _ in first }
                }
                if keys.count >= 16 { positions[name] = keys.count }
                keys.append(name)
                values.append(value)
            }
            return .object(JSONObject(uniqueKeys: keys, values: values))
        case .array:
            try beginArray()
            var elements: [JSONValue] = []
            while try nextElement() { elements.append(try readValue()) }
            return .array(elements)
        case .string: return .string(try readString())
        case .number: return try readNumber()
        case .bool: return .bool(try readBool())
        case .null:
            _ = try readNull()
            return .null
        }
    }
}
