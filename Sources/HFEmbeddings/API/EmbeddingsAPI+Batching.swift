import Foundation
import HFCore

extension EmbeddingsAPI {
    /// Embeds a list of any length as several requests of at most `batchSize` texts, at most
    /// `maxConcurrency` in flight at once. Rows come back in the order of `texts`, as one value.
    ///
    /// The first failing request fails the whole call and cancels the others; cancelling the
    /// calling task cancels every request in flight.
    ///
    /// ```swift
    /// let corpus: [String] = loadDocuments()        // 10 000 texts
    /// let vectors = try await client.embeddings.embedBatched(corpus, model: .allMiniLML6v2, batchSize: 32, maxConcurrency: 4)
    /// ```
    public func embedBatched(
        _ texts: [String],
        model: ModelID,
        batchSize: Int = EmbeddingOptions.defaultMaximumInputsPerRequest,
        maxConcurrency: Int = 4,
        options: EmbeddingOptions = EmbeddingOptions()
    ) async throws -> Embeddings {
        try validateBatching(texts, batchSize: batchSize, maxConcurrency: maxConcurrency, options: options)
        try model.validate()
        return try await sendBatches(texts, model: model, to: target(for: model, options: options), batchSize: batchSize, maxConcurrency: maxConcurrency, options: options)
    }

    /// ``embedBatched(_:model:batchSize:maxConcurrency:options:)`` on your own server.
    public func embedBatched(
        _ texts: [String],
        at endpoint: EmbeddingEndpoint,
        batchSize: Int = EmbeddingOptions.defaultMaximumInputsPerRequest,
        maxConcurrency: Int = 4,
        options: EmbeddingOptions = EmbeddingOptions()
    ) async throws -> Embeddings {
        try validateBatching(texts, batchSize: batchSize, maxConcurrency: maxConcurrency, options: options)
        return try await sendBatches(texts, model: ModelID(rawValue: endpoint.model), to: endpoint.target, batchSize: batchSize, maxConcurrency: maxConcurrency, options: options)
    }

    private func validateBatching(_ texts: [String], batchSize: Int, maxConcurrency: Int, options: EmbeddingOptions) throws(HFError) {
        try options.validate()
        try Validation.count(texts, field: "texts")
        try Validation.range(batchSize, field: "batchSize", in: 1...options.maximumInputsPerRequest)
        try Validation.range(maxConcurrency, field: "maxConcurrency", in: 1...64)
    }

    private func sendBatches(
        _ texts: [String], model: ModelID, to target: TaskTarget, batchSize: Int, maxConcurrency: Int, options: EmbeddingOptions
    ) async throws -> Embeddings {
        let starts = Array(stride(from: 0, to: texts.count, by: batchSize))
        var results = [Embeddings?](repeating: nil, count: starts.count)
        try await withThrowingTaskGroup(of: (Int, Embeddings).self) { group in
            var next = 0
            func startNext() {
                let batch = next
                let slice = Array(texts[starts[batch] ..< min(starts[batch] + batchSize, texts.count)])
                group.addTask { (batch, try await send(.many(slice), model: model, to: target, options: options)) }
                next += 1
            }
            while next < min(maxConcurrency, starts.count) { startNext() }
            while let (batch, embeddings) = try await group.next() {
                results[batch] = embeddings
                if next < starts.count { startNext() }
            }
        }
        do {
            return try Embeddings.joined(results.compactMap { $0 })
        } catch {
            throw HFError.decoding("The batches could not be joined: \(error)", body: Data())
        }
    }
}
