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
/// embeddings route), or through your own server (``EmbeddingEndpoint``).
///
/// Model ids route as follows: no suffix, or `:hf-inference`, posts to
/// `{router}/hf-inference/models/{id}/pipeline/feature-extraction` without asking the Hub; a
/// provider suffix (`:together`) or ``EmbeddingOptions/provider`` looks up the provider's id for
/// the model in the Hub mapping and posts to that provider's embeddings route; a policy suffix
/// (`:fastest`) takes the first live provider of the mapping.
///
/// ```swift
/// let embeddings = try await client.embeddings.embed(["first text", "second text"], model: .allMiniLML6v2)
/// print(embeddings.count, embeddings.dimension)   // 2 384
/// ```
public struct EmbeddingsAPI: Sendable {
    /// The client whose configuration, transport and middleware the calls use.
    public let client: HFClient

    /// The embeddings calls of `client`; `client.embeddings` is the usual way in.
    ///
    /// ```swift
    /// let vectors = try await EmbeddingsAPI(client: client).embed("Hi", model: .allMiniLML6v2)
    /// ```
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
        try model.validate()
        return try await send(.one(text), model: model, to: target(for: model, options: options), options: options)
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
        try model.validate()
        return try await send(.many(texts), model: model, to: target(for: model, options: options), options: options)
    }

    /// Embeds one text on your own server.
    public func embed(_ text: String, at endpoint: EmbeddingEndpoint, options: EmbeddingOptions = EmbeddingOptions()) async throws -> Embeddings {
        try options.validate()
        return try await send(.one(text), model: ModelID(rawValue: endpoint.model), to: endpoint.target, options: options)
    }

    /// Embeds a list of texts in one request on your own server.
    public func embed(_ texts: [String], at endpoint: EmbeddingEndpoint, options: EmbeddingOptions = EmbeddingOptions()) async throws -> Embeddings {
        try validate(texts, options: options)
        return try await send(.many(texts), model: ModelID(rawValue: endpoint.model), to: endpoint.target, options: options)
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
        try Validation.count(sentences, field: "sentences")
        let client = self.client
        let target = TaskTarget.provider(model.provider ?? .hfInference)
        let operation = client.context(.sentenceSimilarity, task: .sentenceSimilarity, model: model, provider: model.provider ?? .hfInference)
        return try await client.perform(operation) { operation in
            let route = try await client.route(.sentenceSimilarity, model: model, to: target, context: operation)
            let inputs: JSONValue = ["source_sentence": .string(source), "sentences": .array(sentences.map(JSONValue.string))]
            let call = try route.call(JSONObject([("inputs", inputs)]), client: client, operation: operation)
            let response = try await client.run(call)
            let scores = try client.decode([Double].self, from: response, context: call.context)
            guard scores.count == sentences.count else {
                let mismatch = Embeddings.ShapeMismatch(description: "\(sentences.count) sentences were sent but \(scores.count) scores came back")
                throw client.decodingError(describing: mismatch, response: response, expected: "similarity scores", context: call.context)
            }
            return scores
        }
    }

    // MARK: Routing and sending

    /// Where `model` is served: hf-inference's pipeline (no Hub look-up) unless a provider is named
    /// (by the options or the suffix) or a policy suffix asks the Hub mapping to choose.
    func target(for model: ModelID, options: EmbeddingOptions) -> TaskTarget {
        let provider = options.provider ?? model.provider
        if provider == .hfInference || (provider == nil && model.policy == nil) {
            return .provider(.hfInference)
        }
        return .provider(provider)
    }

    /// Sends one request and reads its vectors as the answer for `input`.
    func send(_ input: EmbeddingInput, model: ModelID, to target: TaskTarget, options: EmbeddingOptions) async throws -> Embeddings {
        let client = self.client
        var provider: Provider?
        if case .provider(let pinned) = target { provider = pinned }
        let operation = client.context(.embeddings, task: .featureExtraction, model: model.rawValue.isEmpty ? nil : model, provider: provider)
        return try await client.perform(operation) { operation in
            let route = try await client.route(.featureExtraction, model: model, to: target, context: operation)
            let call = try route.call(input.body(options: options), client: client, operation: operation)
            let response = try await client.run(call)
            do {
                return try EmbeddingsDecoder.read(response.body).matched(toInputCount: input.count)
            } catch {
                throw client.decodingError(describing: error, response: response, expected: "embeddings", context: call.context)
            }
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
