import HFCore

/// Filters and order for ``ModelsAPI/list(_:)``, sent as the Hub's `GET /api/models` parameters.
///
/// ```swift
/// var query = ModelQuery(pipelineTag: .featureExtraction, sort: .downloads, limit: 20)
/// query.inferenceProviders = [.hfInference]
/// for try await model in try client.models.list(query) { print(model.id) }
/// ```
public struct ModelQuery: Sendable, Hashable {
    /// Which way to sort.
    ///
    /// ```swift
    /// let oldestFirst = ModelQuery(author: "meta-llama", sort: .createdAt, direction: .ascending)
    /// ```
    public enum Direction: Int, Sendable, Hashable {
        /// Smallest first.
        case ascending = 1
        /// Largest first.
        case descending = -1
    }

    /// A substring of the repository id.
    public var search: String?
    /// The owner (user or organisation).
    public var author: String?
    /// Tags every model must carry (library, language, `dataset:…`, …).
    public var tags: [String]
    /// The main task.
    public var pipelineTag: InferenceTask?
    /// Only models with this ``InferenceStatus`` (e.g. `.warm`: served by at least one provider).
    public var inference: InferenceStatus?
    /// Only models served by one of these providers (`"all"`: by any).
    public var inferenceProviders: [Provider]
    /// What to sort by; the Hub's default order when `nil`.
    public var sort: ModelSort?
    /// Which way to sort; the Hub's default when `nil`.
    public var direction: Direction?
    /// The most models to return in all; `nil` lists every match, page by page.
    public var limit: Int?
    /// Properties to include in each item (see ``ModelInfo/Property``).
    public var expand: [ModelInfo.Property]

    /// The largest page asked for, whatever ``limit`` is (the official JS client's cap).
    static let maximumPageSize = 500

    /// Creates a query; every criterion left `nil` is not applied.
    ///
    /// ```swift
    /// let query = ModelQuery(search: "llama", sort: .downloads, limit: 10)
    /// ```
    public init(
        search: String? = nil,
        author: String? = nil,
        tags: [String] = [],
        pipelineTag: InferenceTask? = nil,
        inference: InferenceStatus? = nil,
        inferenceProviders: [Provider] = [],
        sort: ModelSort? = nil,
        direction: Direction? = nil,
        limit: Int? = nil,
        expand: [ModelInfo.Property] = []
    ) {
        self.search = search
        self.author = author
        self.tags = tags
        self.pipelineTag = pipelineTag
        self.inference = inference
        self.inferenceProviders = inferenceProviders
        self.sort = sort
        self.direction = direction
        self.limit = limit
        self.expand = expand
    }

    func validate() throws(HFError) {
        if let search { try Validation.nonBlank(search, field: "search") }
        if let author { try Validation.nonBlank(author, field: "author") }
        try Validation.positive(limit, field: "limit")
    }

    /// The query string of the first page.
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let search { items.append(("search", search)) }
        if let author { items.append(("author", author)) }
        items += tags.map { ("filter", $0) }
        if let pipelineTag { items.append(("pipeline_tag", pipelineTag.rawValue)) }
        if let inference { items.append(("inference", inference.rawValue)) }
        if !inferenceProviders.isEmpty { items.append(("inference_provider", inferenceProviders.map(\.rawValue).joined(separator: ","))) }
        if let sort { items.append(("sort", sort.rawValue)) }
        if let direction { items.append(("direction", String(direction.rawValue))) }
        if let limit { items.append(("limit", String(min(limit, Self.maximumPageSize)))) }
        items += expand.map { ("expand[]", $0.rawValue) }
        return items
    }
}
