/// A JSON value that does not have the shape a type expects, with the path to it, such as
/// `choices[0].delta.content`.
@_spi(JSONReader) public struct JSONShapeError: Error, Sendable, CustomStringConvertible {
    /// Where the value is, from the top of the document; empty for the top level.
    @_spi(JSONReader) public var path: String
    /// What was expected there, such as `"a string"`.
    @_spi(JSONReader) public var expected: String

    @_spi(JSONReader) public init(path: String, expected: String) {
        self.path = path
        self.expected = expected
    }

    /// The same error seen from the enclosing value, whose member or element `component` held it.
    @_spi(JSONReader) public func inside(_ component: String) -> JSONShapeError {
        let separator = path.isEmpty || path.hasPrefix("[") ? "" : "."
        return JSONShapeError(path: component + separator + path, expected: expected)
    }

    @_spi(JSONReader) public var description: String { "expected \(expected) at \(path.isEmpty ? "the top level" : path)" }
}
