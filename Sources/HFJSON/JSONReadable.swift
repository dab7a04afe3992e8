import Foundation

/// A type that decodes itself straight from JSON bytes with a ``JSONReader``, reading the members
/// it knows into its fields and skipping the others, with no ``JSONValue`` tree or `Decoder` in
/// between. The package's hot replies conform (chat completions, stream chunks); the rules match
/// their `Decodable` conformances: a missing member and `null` read as `nil`, a value of another
/// type throws.
///
/// ```swift
/// struct Usage: JSONReadable {
///     var totalTokens: Int?
///
///     init(reading reader: inout JSONReader) throws(JSONDecodingError) {
///         try reader.decodeMembers { reader, key throws(JSONDecodingError) in
///             guard key == "total_tokens" else { return false }
///             totalTokens = try reader.decodeInt()
///             return true
///         }
///     }
/// }
///
/// let usage = try Usage(json: data)
/// ```
@_spi(JSONReader) public protocol JSONReadable {
    /// Reads the value at `reader`, leaving the reader after it.
    init(reading reader: inout JSONReader) throws(JSONDecodingError)
}

extension JSONReadable {
    /// Decodes a whole document: one value, then only white space.
    @inlinable
    @_spi(JSONReader) public init(json bytes: UnsafeRawBufferPointer) throws(JSONDecodingError) {
        var reader = JSONReader(bytes)
        self = try Self(reading: &reader)
        try reader.syntax { reader throws(JSONReader.Failure) in try reader.finish() }
    }

    /// Decodes a whole document.
    ///
    /// ```swift
    /// let completion = try ChatCompletion(json: response.body)
    /// ```
    @_spi(JSONReader) public init(json data: Data) throws(JSONDecodingError) {
        let result = data.withUnsafeBytes { bytes in
            Result { () throws(JSONDecodingError) in try Self(json: bytes) }
        }
        self = try result.get()
    }

    /// Decodes a document that is the value, or an array whose first element is (the rest is
    /// checked and skipped): text-generation servers answer either.
    @_spi(JSONReader) public init(jsonOrFirstElement data: Data) throws(JSONDecodingError) {
        let result = data.withUnsafeBytes { bytes in
            Result { () throws(JSONDecodingError) -> Self in
                var reader = JSONReader(bytes)
                guard try reader.syntax({ reader throws(JSONReader.Failure) in try reader.peekKind() }) == .array else {
                    return try Self(json: bytes)
                }
                try reader.syntax { reader throws(JSONReader.Failure) in try reader.beginArray() }
                guard try reader.syntax({ reader throws(JSONReader.Failure) in try reader.nextElement() }) else {
                    throw .expected("a value, or an array holding one")
                }
                let value = try Self(reading: &reader)
                try reader.syntax { reader throws(JSONReader.Failure) in
                    while try reader.nextElement() { try reader.skipValue() }
                    try reader.finish()
                }
                return value
            }
        }
        self = try result.get()
    }
}
