import Foundation

/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``, keeping object key order; built on
/// ``JSONReader``, which reads documents without building a tree.
///
/// Errors carry the byte offset and a short excerpt so a ``HFError/Category/decoding`` error can say
/// what arrived. Nesting is capped so hostile input cannot exhaust the stack.
public struct JSONParser {
    /// Why a document could not be parsed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// Byte offset where parsing stopped.
        public let offset: Int
        /// What was wrong there.
        public let reason: String
        public var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    /// The deepest nesting accepted.
    public static let maximumDepth = 512

    /// Parses one JSON document; only white space may follow it.
    public static func parse(_ data: Data) throws(Failure) -> JSONValue {
        do {
            return try data.withUnsafeBytes { raw in try parse(raw) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(offset: 0, reason: "\(error)")
        }
    }

    /// Parses one JSON document from bytes the caller owns, without copying them; for hot paths
    /// such as the events of a stream, read straight from a receive buffer.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> JSONValue {
        var reader = JSONReader(bytes)
        let value = try reader.readValue()
        try reader.finish()
        return value
    }

    /// Parses one JSON document from a string.
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(Data(text.utf8))
    }
}
