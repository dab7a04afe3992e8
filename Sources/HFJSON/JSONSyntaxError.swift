/// Why some bytes are not a JSON document, and where.
///
/// ```swift
/// do {
///     _ = try JSONValue(parsing: "{\"a\": }")
/// } catch {
///     print(error.offset, error.reason)   // 6 unexpected character '}'
/// }
/// ```
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset where reading stopped.
    public let offset: Int
    /// What was wrong there.
    public let reason: String
    /// The text around ``offset`` (up to 24 bytes either side), for messages about large documents.
    public let excerpt: String

    package init(offset: Int, reason: String, excerpt: String = "") {
        self.offset = offset
        self.reason = reason
        self.excerpt = excerpt
    }

    public var description: String {
        "\(reason) at byte \(offset)" + (excerpt.isEmpty ? "" : ", near `\(excerpt)`")
    }
}
