import HFCore

/// The order of a model listing. An open set, sent as written.
///
/// ```swift
/// let popular = ModelQuery(pipelineTag: .textGeneration, sort: .downloads, limit: 20)
/// ```
public struct ModelSort: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Downloads in the last 30 days.
    public static let downloads: ModelSort = "downloads"
    /// Likes.
    public static let likes: ModelSort = "likes"
    /// The Hub's trending score.
    public static let trendingScore: ModelSort = "trendingScore"
    /// When the repository was created.
    public static let createdAt: ModelSort = "createdAt"
    /// When the last commit was made.
    public static let lastModified: ModelSort = "lastModified"
}
