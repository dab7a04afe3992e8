import Foundation
import HFCore

extension HFClient {
    /// Feature extraction (embeddings) and sentence similarity.
    ///
    /// ```swift
    /// let client = HFClient()
    /// let vectors = try await client.embeddings.embed(["first text", "second text"], model: .allMiniLML6v2)
    /// ```
    public var embeddings: EmbeddingsAPI { EmbeddingsAPI(client: self) }
}

/// Embeddings through the router (the `hf-inference` pipeline or a provider's OpenAI-style
/// `/v1/embeddings`), or through your own server (``EmbeddingEndpoint``).
///
/// Model ids route as follows: no suffix, or `:hf-inference`, posts to
/// `{router}/hf-inference/models/{id}/pipeline/feature-extraction` without asking the Hub; a
/// provider suffix (`:together`) or ``EmbeddingOptions/provider`` looks up the provider's id for
/// the model in the Hub mapping and posts to that provider's `/v1/embeddings`; a policy suffix
/// (`:fastest`) takes the first live provider of the mapping.
public struct EmbeddingsAPI: Sendable {
    public let client: HFClient

    public init(client: HFClient) {
        self.client = client
    }

    // MARK: Embedding

    /// Embeds one text. A pooled model answers with one vector (``EmbeddingShape/vector``), an
    /// unpooled one with a vector per token (``EmbeddingShape/tokens(_:)``).
    ///
    /// ```swift
    /// let embedding = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
    /// let vector = Array(embedding[0])   // 384 floats
    /// ```
    public func embed(_ text: String, model: ModelID, options: EmbeddingOptions = EmbeddingOptions()) async throws -> Embeddings {
        try options.validate()
        return try await send(.one(text), to: try await route(for: model, options: options), options: options)
    }

    /// Embeds a list of texts in one request; row `i` (or, for token-level output, the rows of
    /// input `i`) belongs to `texts[i]`. Fails before sending when the list is empty or longer
    /// than ``EmbeddingOptions/maximumInputsPerRequest``.
    ///
    /// ```swift
    /// let embeddings = try await client.embeddings.embed(["a cat", "a dog"], model: .allMiniLML6v2)
    /// ```
    public func embed(_ texts: [String], model: ModelID, options: EmbeddingOptions = EmbeddingOptions()) async throws -> Embeddings {
        try validate(texts, options: options)
        return try await send(.many(texts), to: try await route(for: model, options: options), options: options)
    }

    /// Embeds one text on your own server.
    public func embed(_ text: String, at endpoint: EmbeddingEndpoint, options: EmbeddingOptions = EmbeddingOptions()) async throws -> Embeddings {
        try options.validate()
        return try await send(.one(text), to: endpoint.route, options: options)
    }

    /// Embeds a list of texts in one request on your own server.
    public func embed(_ texts: [String], at endpoint: EmbeddingEndpoint, options: EmbeddingOptions = EmbeddingOptions()) async throws -> Embeddings {
        try validate(texts, options: options)
        return try await send(.many(texts), to: endpoint.route, options: options)
    }

    // MARK: Sentence similarity

    /// Scores how similar each of `sentences` is to `source`, on the `hf-inference`
    /// sentence-similarity pipeline: one score per sentence, in order.
    ///
    /// ```swift
    /// let scores = try await client.embeddings.similarity(
    ///     source: "Machine learning is so easy.",
    ///     sentences: ["Deep learning is so straightforward.", "This is so difficult, like rocket science."],
    ///     model: .allMiniLML6v2
    /// )   // [0.78, 0.46]
    /// ```
    public func similarity(source: String, sentences: [String], model: ModelID) async throws -> [Double] {
        try model.validate()
        if let provider = model.provider, provider != .hfInference {
            throw HFError.validation(field: "model", "sentence similarity is served by hf-inference only, not \(provider); drop the \":\(provider)\" suffix")
        }
        try Validation.count(sentences, field: "sentences")
        let url = client.configuration.hfInferenceURL(model: model.repository, pipeline: .sentenceSimilarity)
        let body = SentenceSimilarityBody(inputs: .init(sourceSentence: source, sentences: sentences))
        let response = try await client.send(try client.makeJSONRequest(url: url, body: body, provider: .hfInference))
        let scores = try client.decode([Double].self, from: response)
        guard scores.count == sentences.count else {
            let mismatch = Embeddings.ShapeMismatch(description: "\(sentences.count) sentences were sent but \(scores.count) scores came back")
            throw client.decodingError(describing: mismatch, response: response, expected: "similarity scores")
        }
        return scores
    }

    // MARK: Routing and sending

    /// Where `model` is served, per the routing rules above.
    func route(for model: ModelID, options: EmbeddingOptions) async throws -> EmbeddingRoute {
        try model.validate()
        let provider = options.provider ?? model.provider
        if provider == .hfInference || (provider == nil && model.policy == nil) {
            return pipelineRoute(model.repository)
        }
        let mapping = try await client.resolveMapping(model: model, task: .featureExtraction, provider: provider)
        if mapping.provider == .hfInference { return pipelineRoute(mapping.providerModelID) }
        return EmbeddingRoute(
            url: client.configuration.providerURL(mapping.provider, path: mapping.provider.embeddingsPath),
            style: .openAI, model: mapping.providerModelID, provider: mapping.provider, token: .required
        )
    }

    private func pipelineRoute(_ model: String) -> EmbeddingRoute {
        EmbeddingRoute(
            url: client.configuration.hfInferenceURL(model: model, pipeline: .featureExtraction),
            style: .pipeline, model: nil, provider: .hfInference, token: .required
        )
    }

    /// Sends one request and reads its vectors as the answer for `texts`.
    func send(_ texts: FeatureExtractionBody.Texts, to route: EmbeddingRoute, options: EmbeddingOptions) async throws -> Embeddings {
        let body = FeatureExtractionBody(texts: texts, style: route.style, model: route.model, options: options)
        let request = try client.makeJSONRequest(url: route.url, body: body, token: route.token, provider: route.provider)
        let response = try await client.send(request)
        do {
            return try EmbeddingsDecoder.read(response.body).matched(toInputCount: texts.count)
        } catch {
            throw client.decodingError(describing: error, response: response, expected: "embeddings")
        }
    }

    func validate(_ texts: [String], options: EmbeddingOptions) throws(HFError) {
        try options.validate()
        try Validation.count(texts, field: "texts")
        guard texts.count <= options.maximumInputsPerRequest else {
            throw .validation(
                field: "texts",
                "has \(texts.count) texts; one request takes at most \(options.maximumInputsPerRequest) (EmbeddingOptions.maximumInputsPerRequest). Use embedBatched(_:model:batchSize:maxConcurrency:options:) to split the list, or raise the limit if your server accepts more"
            )
        }
    }
}
