/// An underlying error whose description quoted a token: only the scrubbed description is kept.
public struct RedactedError: Error, Sendable, CustomStringConvertible {
    /// The original error's description, with every token replaced by its redacted form.
    public let description: String
}
