/// Why a ``JSONReadable`` value could not be read from JSON bytes.
///
/// ```swift
/// do {
///     let completion = try ChatCompletion(json: data)
/// } catch .syntax(let failure) {
///     print("not JSON at byte \(failure.offset)")
/// } catch .shape(let shape) {
///     print("unexpected \(shape.path)")
/// }
/// ```
@_spi(JSONReader) public enum JSONDecodingError: Error, Sendable, CustomStringConvertible {
    /// The bytes are not JSON (or are cut short).
    case syntax(JSONSyntaxError)
    /// The JSON does not have the shape the type expects.
    case shape(JSONShapeError)

    /// The same error seen from the enclosing value, whose member or element `component` held it.
    @usableFromInline
    func inside(_ component: String) -> JSONDecodingError {
        guard case .shape(let shape) = self else { return self }
        return .shape(shape.inside(component))
    }

    /// A value of another type than `expected`, at the top level.
    @usableFromInline
    static func expected(_ expected: String) -> JSONDecodingError {
        .shape(JSONShapeError(path: "", expected: expected))
    }

    @_spi(JSONReader) public var description: String {
        switch self {
        case .syntax(let failure): return failure.description
        case .shape(let shape): return shape.description
        }
    }
}
