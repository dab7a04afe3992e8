/// An object member's name as ``JSONReader/nextKey()`` hands it over: its bytes in place when it
/// is plain ASCII without escapes (so matching it against the names a decoder knows allocates
/// nothing), else the decoded name. Valid while the reader's bytes are.
///
/// ```swift
/// switch key {
/// case "content": content = try reader.readString()
/// default: try reader.skipValue()
/// }
/// ```
@_spi(JSONReader) public struct JSONKey {
    @usableFromInline let start: UnsafePointer<UInt8>?
    @usableFromInline let count: Int
    @usableFromInline let decoded: String?

    @inlinable
    init(start: UnsafePointer<UInt8>, count: Int) {
        self.start = start
        self.count = count
        decoded = nil
    }

    @usableFromInline
    init(decoded: String) {
        start = nil
        count = 0
        self.decoded = decoded
    }

    /// The name as a string.
    @_spi(JSONReader) public var string: String {
        if let decoded { return decoded }
        guard let start else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// `true` when the name is `name`.
    @inlinable
    @_spi(JSONReader) public static func == (key: JSONKey, name: StaticString) -> Bool {
        guard let start = key.start else { return key.decoded == name.description }
        guard key.count == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for index in 0..<key.count where start[index] != expected[index] {
            return false
        }
        return true
    }

    /// Lets a `switch` over a key match member names.
    @inlinable
    @_spi(JSONReader) public static func ~= (name: StaticString, key: JSONKey) -> Bool {
        key == name
    }
}
