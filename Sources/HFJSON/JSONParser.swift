import Foundation

/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``, keeping object key order; built on
/// ``JSONReader``, which reads documents without building a tree.
///
/// Errors carry the byte offset and the text around it, so a decoding error can say what arrived.
/// Nesting is capped (``JSONReader/maximumDepth``) so hostile input cannot exhaust the stack.
package enum JSONParser {
    /// Parses one JSON document; only white space may follow it.
    package static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        let result = data.withUnsafeBytes { bytes in
            Result { () throws(JSONSyntaxError) in try parse(bytes) }
        }
        return try result.get()
    }

    /// Parses one JSON document from bytes the caller owns, without copying them; for hot paths
    /// such as the events of a stream, read straight from a receive buffer.
    package static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes)
        let value = try reader.readValue()
        try reader.finish()
        return value
    }

    /// Parses one JSON document from a string.
    package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Data(text.utf8))
    }
}

extension JSONValue {
    /// Parses one JSON document (strict RFC 8259; only white space may follow it), keeping the order
    /// of object keys.
    ///
    /// ```swift
    /// let arguments = try JSONValue(parsing: call.function.arguments)
    /// let city = arguments["city"]?.stringValue
    /// ```
    public init(parsing data: Data) throws(JSONSyntaxError) {
        self = try JSONParser.parse(data)
    }

    /// Parses one JSON document from text.
    public init(parsing text: String) throws(JSONSyntaxError) {
        self = try JSONParser.parse(text)
    }
}
