/// Options for a streamed reply.
public struct StreamOptions: Sendable, Hashable, Codable {
    /// Ask for a last chunk, before `[DONE]`, that carries the token usage (its `choices` is empty).
    public var includeUsage: Bool?

    public init(includeUsage: Bool? = true) {
        self.includeUsage = includeUsage
    }

    private enum CodingKeys: String, CodingKey {
        case includeUsage = "include_usage"
    }
}
