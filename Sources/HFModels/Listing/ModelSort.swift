import HFCore

/// The order of a model listing. An open set, sent as written.
public struct ModelSort: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let downloads: ModelSort = "downloads"
    public static let likes: ModelSort = "likes"
    public static let trendingScore: ModelSort = "trendingScore"
    public static let createdAt: ModelSort = "createdAt"
    public static let lastModified: ModelSort = "lastModified"
}
