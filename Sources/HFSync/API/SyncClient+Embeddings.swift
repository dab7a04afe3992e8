import HFCore
import HFEmbeddings

// Embeddings and sentence similarity: each call is the async one, waited for.
extension SyncClient {
    /// `embeddings.embed(_:model:options:)` for one text, blocking.
    ///
    /// ```swift
    /// let embedding = try client.sync.embed("Hi, who are you?", model: .allMiniLML6v2)
    /// ```
    public func embed(_ text: String, model: ModelID, options: EmbeddingOptions = EmbeddingOptions()) throws(HFError) -> Embeddings {
        try run("embed") { try await $0.embeddings.embed(text, model: model, options: options) }
    }

    /// `embeddings.embed(_:model:options:)` for a list of texts, blocking.
    ///
    /// ```swift
    /// let embeddings = try client.sync.embed(["a cat", "a dog"], model: .allMiniLML6v2)
    /// ```
    public func embed(_ texts: [String], model: ModelID, options: EmbeddingOptions = EmbeddingOptions()) throws(HFError) -> Embeddings {
        try run("embed") { try await $0.embeddings.embed(texts, model: model, options: options) }
    }

    /// `embeddings.embed(_:at:options:)` for one text on your own server, blocking.
    ///
    /// ```swift
    /// let embedding = try client.sync.embed("Hello", at: .textEmbeddingsInference(server))
    /// ```
    public func embed(_ text: String, at endpoint: EmbeddingEndpoint, options: EmbeddingOptions = EmbeddingOptions()) throws(HFError) -> Embeddings {
        try run("embed") { try await $0.embeddings.embed(text, at: endpoint, options: options) }
    }

    /// `embeddings.embed(_:at:options:)` for a list of texts on your own server, blocking.
    ///
    /// ```swift
    /// let embeddings = try client.sync.embed(["a", "b"], at: .textEmbeddingsInference(server))
    /// ```
    public func embed(_ texts: [String], at endpoint: EmbeddingEndpoint, options: EmbeddingOptions = EmbeddingOptions()) throws(HFError) -> Embeddings {
        try run("embed") { try await $0.embeddings.embed(texts, at: endpoint, options: options) }
    }

    /// ``EmbeddingsAPI/embedBatched(_:model:batchSize:maxConcurrency:options:)``, blocking.
    ///
    /// ```swift
    /// let vectors = try client.sync.embedBatched(corpus, model: .allMiniLML6v2, batchSize: 32)
    /// ```
    public func embedBatched(_ texts: [String], model: ModelID, batchSize: Int = EmbeddingOptions.defaultMaximumInputsPerRequest, maxConcurrency: Int = 4, options: EmbeddingOptions = EmbeddingOptions()) throws(HFError) -> Embeddings {
        try run("embedBatched") { try await $0.embeddings.embedBatched(texts, model: model, batchSize: batchSize, maxConcurrency: maxConcurrency, options: options) }
    }

    /// ``EmbeddingsAPI/embedBatched(_:at:batchSize:maxConcurrency:options:)``, blocking.
    ///
    /// ```swift
    /// let vectors = try client.sync.embedBatched(corpus, at: .textEmbeddingsInference(server))
    /// ```
    public func embedBatched(_ texts: [String], at endpoint: EmbeddingEndpoint, batchSize: Int = EmbeddingOptions.defaultMaximumInputsPerRequest, maxConcurrency: Int = 4, options: EmbeddingOptions = EmbeddingOptions()) throws(HFError) -> Embeddings {
        try run("embedBatched") { try await $0.embeddings.embedBatched(texts, at: endpoint, batchSize: batchSize, maxConcurrency: maxConcurrency, options: options) }
    }

    /// ``EmbeddingsAPI/similarity(source:sentences:model:)``, blocking: one score per sentence.
    ///
    /// ```swift
    /// let scores = try client.sync.similarity(source: "A cat", sentences: ["A kitten", "A car"], model: .allMiniLML6v2)
    /// ```
    public func similarity(source: String, sentences: [String], model: ModelID) throws(HFError) -> [Double] {
        try run("similarity") { try await $0.embeddings.similarity(source: source, sentences: sentences, model: model) }
    }
}
