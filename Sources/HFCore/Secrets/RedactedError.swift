/// An underlying error whose description quoted a token: only the scrubbed description is kept.
///
/// ```swift
/// if let cause = error.underlyingError as? RedactedError {
///     print(cause)   // the original description, every token in it redacted
/// }
/// ```
public struct RedactedError: Error, Sendable, CustomStringConvertible {
    /// The original error's description, with every token replaced by its redacted form.
    public let description: String
}
