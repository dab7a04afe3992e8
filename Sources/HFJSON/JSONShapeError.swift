/// A JSON value that does not have the shape a type expects, with the path to it, such as
/// `choices[0].delta.content`.
package struct JSONShapeError: Error, Sendable, CustomStringConvertible {
    /// Where the value is, from the top of the document; empty for the top level.
    package var path: String
    /// What was expected there, such as `"a string"`.
    package var expected: String

    package init(path: String, expected: String) {
        self.path = path
        self.expected = expected
    }

    /// The same error seen from the enclosing value, whose member or element `component` held it.
    @usableFromInline
    package func inside(_ component: String) -> JSONShapeError {
        let separator = path.isEmpty || path.hasPrefix("[") ? "" : "."
        return JSONShapeError(path: component + separator + path, expected: expected)
    }

    package var description: String { "expected \(expected) at \(path.isEmpty ? "the top level" : path)" }
}
