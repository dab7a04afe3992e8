import HFCore

extension ModelInfo {
    /// A property to ask the Hub for with `expand[]`; when any is given, the Hub returns only
    /// those (plus `id`). An open set, sent as written.
    public struct Property: OpenStringValue {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public static let author: Property = "author"
        public static let baseModels: Property = "baseModels"
        public static let cardData: Property = "cardData"
        public static let config: Property = "config"
        public static let createdAt: Property = "createdAt"
        public static let disabled: Property = "disabled"
        public static let downloads: Property = "downloads"
        public static let downloadsAllTime: Property = "downloadsAllTime"
        public static let gated: Property = "gated"
        /// The ``ModelInfo/inference`` status.
        public static let inference: Property = "inference"
        /// The ``ModelInfo/providerMappings``.
        public static let inferenceProviderMapping: Property = "inferenceProviderMapping"
        public static let lastModified: Property = "lastModified"
        public static let libraryName: Property = "library_name"
        public static let likes: Property = "likes"
        public static let maskToken: Property = "mask_token"
        public static let pipelineTag: Property = "pipeline_tag"
        public static let isPrivate: Property = "private"
        public static let safetensors: Property = "safetensors"
        public static let sha: Property = "sha"
        public static let siblings: Property = "siblings"
        public static let spaces: Property = "spaces"
        public static let tags: Property = "tags"
        public static let transformersInfo: Property = "transformersInfo"
        public static let trendingScore: Property = "trendingScore"
        public static let usedStorage: Property = "usedStorage"
        public static let widgetData: Property = "widgetData"
    }
}
