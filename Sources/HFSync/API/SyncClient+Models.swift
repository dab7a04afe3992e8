import HFCore
import HFModels

// The Hub's model information and listing: each call is the async one, waited for.
extension SyncClient {
    /// ``ModelsAPI/info(_:expand:)``, blocking.
    ///
    /// ```swift
    /// let info = try client.sync.modelInfo(.llama3_8BInstruct)
    /// ```
    public func modelInfo(_ model: ModelID, expand: [ModelInfo.Property] = []) throws(HFError) -> ModelInfo {
        try run("modelInfo") { try await $0.models.info(model, expand: expand) }
    }

    /// ``ModelsAPI/availability(of:)``, blocking.
    ///
    /// ```swift
    /// let availability = try client.sync.availability(of: .llama3_8BInstruct)
    /// ```
    public func availability(of model: ModelID) throws(HFError) -> ModelAvailability {
        try run("availability") { try await $0.models.availability(of: model) }
    }

    /// ``ModelsAPI/list(_:)``, as a blocking iterator: pages are fetched as you go.
    ///
    /// ```swift
    /// let models = try client.sync.listModels(ModelQuery(author: "sentence-transformers", limit: 50))
    /// while let model = try models.next() { print(model.id) }
    /// ```
    public func listModels(_ query: ModelQuery = ModelQuery()) throws(HFError) -> BlockingIterator<ModelInfo> {
        try iterate("listModels", client.models.list(query))
    }
}
