import HFCore

extension ModelInfo {
    /// A property to ask the Hub for with `expand[]`; when any is given, the Hub returns only
    /// those (plus `id`). An open set, sent as written.
    ///
    /// ```swift
    /// let info = try await client.models.info(.llama3_8BInstruct, expand: [.downloads, .likes, .pipelineTag])
    /// ```
    public struct Property: OpenStringValue {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// `author`: the owner.
        public static let author: Property = "author"
        /// `baseModels`: the models this one derives from.
        public static let baseModels: Property = "baseModels"
        /// `cardData`: the model card's metadata.
        public static let cardData: Property = "cardData"
        /// `config`: the model's configuration.
        public static let config: Property = "config"
        /// `createdAt`: when the repository was created.
        public static let createdAt: Property = "createdAt"
        /// `disabled`: whether the repository is disabled.
        public static let disabled: Property = "disabled"
        /// `downloads`: downloads in the last 30 days.
        public static let downloads: Property = "downloads"
        /// `downloadsAllTime`: downloads ever.
        public static let downloadsAllTime: Property = "downloadsAllTime"
        /// `gated`: whether users must ask for access.
        public static let gated: Property = "gated"
        /// The ``ModelInfo/inference`` status.
        public static let inference: Property = "inference"
        /// The ``ModelInfo/providerMappings``.
        public static let inferenceProviderMapping: Property = "inferenceProviderMapping"
        /// `lastModified`: the last commit's time.
        public static let lastModified: Property = "lastModified"
        /// `library_name`: the library the model is for, such as `transformers`.
        public static let libraryName: Property = "library_name"
        /// `likes`: the repository's likes.
        public static let likes: Property = "likes"
        /// `mask_token`: the fill-mask token, such as `[MASK]`.
        public static let maskToken: Property = "mask_token"
        /// `pipeline_tag`: the model's main task.
        public static let pipelineTag: Property = "pipeline_tag"
        /// `private`: whether the repository is private.
        public static let isPrivate: Property = "private"
        /// `safetensors`: parameter counts from the safetensors files.
        public static let safetensors: Property = "safetensors"
        /// `sha`: the current commit.
        public static let sha: Property = "sha"
        /// `siblings`: the repository's files.
        public static let siblings: Property = "siblings"
        /// `spaces`: Spaces that use the model.
        public static let spaces: Property = "spaces"
        /// `tags`: the repository's tags.
        public static let tags: Property = "tags"
        /// `transformersInfo`: how transformers loads the model.
        public static let transformersInfo: Property = "transformersInfo"
        /// `trendingScore`: the Hub's trending score.
        public static let trendingScore: Property = "trendingScore"
        /// `usedStorage`: bytes the repository uses.
        public static let usedStorage: Property = "usedStorage"
        /// `widgetData`: the model card's widget examples.
        public static let widgetData: Property = "widgetData"
    }
}
