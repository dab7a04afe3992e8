import HFCore

/// How to embed: the feature-extraction options, where to send the request, and the batch limit.
///
/// Every option left `nil` is omitted from the request, so the server's default applies
/// (`normalize: true`, `truncate: false`, `truncation_direction: "right"` on Text Embeddings
/// Inference and `hf-inference`).
///
/// ```swift
/// var options = EmbeddingOptions()
/// options.promptName = "query"        // the model's sentence-transformers prompt for queries
/// options.truncate = true
/// let query = try await client.embeddings.embed("what is a llama?", model: .bgeBaseEnV1_5, options: options)
/// ```
public struct EmbeddingOptions: Sendable, Hashable {
    /// The default for ``maximumInputsPerRequest``: Text Embeddings Inference's default client
    /// batch limit, which `hf-inference` embedding models run on.
    public static let defaultMaximumInputsPerRequest = 32

    /// L2-normalise the vectors on the server.
    public var normalize: Bool?
    /// A key of the model's sentence-transformers `prompts`; its text is prefixed to every input
    /// (e.g. `"query"` or `"document"` for retrieval models).
    public var promptName: String?
    /// Truncate inputs longer than the model's limit instead of failing.
    public var truncate: Bool?
    /// Which side of an over-long input to cut.
    public var truncationDirection: TruncationDirection?
    /// The length to shorten vectors to, for models trained for it (Matryoshka embeddings).
    public var dimensions: Int?
    /// The provider to use; `nil` takes the model id's `:provider` suffix, else `hf-inference`
    /// (a policy suffix such as `:fastest` picks the first live provider from the Hub mapping).
    public var provider: Provider?
    /// The most texts one request may carry; a longer list fails before sending. Use
    /// ``EmbeddingsAPI/embedBatched(_:model:batchSize:maxConcurrency:options:)`` to split lists.
    public var maximumInputsPerRequest: Int

    /// Options for a feature-extraction call; every field left `nil` keeps the server's default,
    /// and lists longer than `maximumInputsPerRequest` are refused before sending.
    public init(
        normalize: Bool? = nil,
        promptName: String? = nil,
        truncate: Bool? = nil,
        truncationDirection: TruncationDirection? = nil,
        dimensions: Int? = nil,
        provider: Provider? = nil,
        maximumInputsPerRequest: Int = EmbeddingOptions.defaultMaximumInputsPerRequest
    ) {
        self.normalize = normalize
        self.promptName = promptName
        self.truncate = truncate
        self.truncationDirection = truncationDirection
        self.dimensions = dimensions
        self.provider = provider
        self.maximumInputsPerRequest = maximumInputsPerRequest
    }

    /// Checks the options, before anything is sent.
    func validate() throws(HFError) {
        if let promptName { try Validation.nonBlank(promptName, field: "promptName") }
        try Validation.positive(dimensions, field: "dimensions")
        try Validation.positive(maximumInputsPerRequest, field: "maximumInputsPerRequest")
    }
}
