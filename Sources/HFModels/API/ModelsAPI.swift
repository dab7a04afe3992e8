import Foundation
import HFCore

extension HFClient {
    /// Model information, availability and search on the Hub.
    ///
    /// ```swift
    /// let info = try await HFClient().models.info("google-bert/bert-base-uncased")
    /// ```
    public var models: ModelsAPI { ModelsAPI(client: self) }
}

/// The Hub's model API: information about one model, whether and where it is served, and listings.
///
/// These calls send the token when there is one (public models work without), so private models,
/// the account's provider order and staging mappings of the account's organisations are visible.
/// Renamed repositories (`bert-base-uncased` → `google-bert/bert-base-uncased`) are followed.
///
/// ```swift
/// let info = try await client.models.info(.llama3_8BInstruct)
/// let availability = try await client.models.availability(of: .llama3_8BInstruct)
/// for try await model in try client.models.list(ModelQuery(search: "llama", limit: 5)) { print(model.id) }
/// ```
public struct ModelsAPI: Sendable {
    /// The client whose configuration, transport and middleware the calls use.
    public let client: HFClient

    /// The Hub calls of `client`; `client.models` is the usual way in.
    ///
    /// ```swift
    /// let info = try await ModelsAPI(client: client).info(.llama3_8BInstruct)
    /// ```
    public init(client: HFClient) {
        self.client = client
    }

    /// Information about `model` (`GET {hub}/api/models/{id}`); any suffix of the id is ignored.
    /// With `expand`, the Hub returns only those properties (and the id).
    ///
    /// ```swift
    /// let info = try await client.models.info(.allMiniLML6v2, expand: [.pipelineTag, .inference, .inferenceProviderMapping])
    /// ```
    public func info(_ model: ModelID, expand: [ModelInfo.Property] = []) async throws -> ModelInfo {
        try model.withoutSuffix.validate()
        let client = self.client
        let url = client.configuration.hubURL(path: "/api/models/" + model.repository, query: expand.map { ("expand[]", $0.rawValue) })
        return try await client.perform(client.context(.modelInfo, model: model, token: .ifHuggingFaceToken)) { context in
            let response = try await client.exchange(client.makeRequest(.get, url: url, accept: "application/json"), context: context)
            guard let info = ModelInfo(json: try client.parseJSON(from: response, context: context)) else {
                throw client.decodingError(describing: MissingID(), response: response, expected: "model information", context: context)
            }
            return info
        }
    }

    /// Whether `model` can be served now and by which providers, from one Hub request for its
    /// `inference` status, provider mapping and task.
    public func availability(of model: ModelID) async throws -> ModelAvailability {
        ModelAvailability(try await info(model, expand: [.pipelineTag, .inference, .inferenceProviderMapping]))
    }

    /// Models matching `query`, fetched page by page as the sequence is iterated. Fails at once,
    /// before any request, when the query is invalid.
    public func list(_ query: ModelQuery = ModelQuery()) throws(HFError) -> ModelListing {
        try query.validate()
        let url = client.configuration.hubURL(path: "/api/models", query: query.queryItems)
        return ModelListing(client: client, firstPage: url, limit: query.limit)
    }

    private struct MissingID: Error, CustomStringConvertible {
        var description: String { "it is not a JSON object with a string `id`" }
    }
}
