/// Options for a streamed reply.
///
/// ```swift
/// request.streamOptions = StreamOptions()   // a last chunk with the token usage
/// ```
public struct StreamOptions: Sendable, Hashable, Codable {
    /// Ask for a last chunk, before `[DONE]`, that carries the token usage (its `choices` is empty).
    public var includeUsage: Bool?

    /// Options for a streamed reply: `StreamOptions()` asks for a last chunk with the token usage.
    public init(includeUsage: Bool? = true) {
        self.includeUsage = includeUsage
    }

    private enum CodingKeys: String, CodingKey {
        case includeUsage = "include_usage"
    }
}
