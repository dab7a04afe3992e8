import Foundation

extension HFClient {
    /// How each provider serves `model`, in the account's order of preference, from
    /// `GET {hub}/api/models/{id}?expand[]=inferenceProviderMapping`. Cached per client for
    /// ``HFConfiguration/providerMappingTimeToLive``; concurrent calls share one request. The
    /// token is sent when there is one, so the order is the account's and staging entries of the
    /// account's organisations show.
    public func providerMappings(for model: ModelID) async throws -> [ProviderMapping] {
        try model.validate()
        let repository = model.repository
        return try await mappingCache.mappings(for: repository) { [self] in
            try await perform(context(.providerMapping, model: model, token: .ifHuggingFaceToken)) { [self] context in
                let url = configuration.hubURL(path: "/api/models/" + repository, query: [("expand[]", "inferenceProviderMapping")])
                let response = try await exchange(makeRequest(.get, url: url, accept: "application/json"), context: context)
                let json = try parseJSON(from: response, context: context)
                return ProviderMapping.parse(json["inferenceProviderMapping"] ?? .null, model: repository)
            }
        }
    }

    /// The mapping this client would use for `model` and `task`: the one for `provider` when given,
    /// else the first usable one in the account's order among the providers this client can call
    /// for the task. Fails with a validation error, before any inference call, when no provider
    /// serves the model for the task; the message lists what exists.
    ///
    /// On `hf-inference`, feature extraction and sentence similarity are interchangeable: the same
    /// sentence-transformers model serves both routes.
    public func resolveMapping(model: ModelID, task: InferenceTask, provider: Provider? = nil) async throws -> ProviderMapping {
        do {
            return try await mapping(for: model, task: task, provider: provider)
        } catch {
            throw finalize(error, context: nil)
        }
    }

    /// ``resolveMapping(model:task:provider:)`` for the package's own calls, whose errors leave
    /// through their operation.
    package func mapping(for model: ModelID, task: InferenceTask, provider: Provider? = nil) async throws -> ProviderMapping {
        let mappings = try await providerMappings(for: model)
        let available = mappings.map { "\($0.provider) (\($0.task), \($0.status))" }.joined(separator: ", ")
        guard !mappings.isEmpty else {
            throw HFError.validation(field: "model", "no inference provider serves \(model.repository); check the model id, or pick a model with Inference Providers on its Hub page")
        }
        func serves(_ mapping: ProviderMapping) -> Bool {
            if mapping.task == task { return true }
            let pair: Set<InferenceTask> = [.featureExtraction, .sentenceSimilarity]
            return mapping.provider == .hfInference && pair.contains(mapping.task) && pair.contains(task)
        }
        if let provider = provider ?? model.provider {
            guard let mapping = mappings.first(where: { $0.provider == provider }) else {
                throw HFError.validation(field: "provider", "\(model.repository) is not served by \(provider); it is served by: \(available)")
            }
            guard serves(mapping) else {
                throw HFError.validation(field: "model", "\(model.repository) is served by \(provider) for \(mapping.task), not \(task)")
            }
            guard adapters.adapter(for: provider, task: task) != nil else {
                throw HFError.validation(field: "provider", "this client has no route for \(task) on \(provider)")
            }
            logStagingMapping(mapping)
            return mapping
        }
        // The account's first choice may be a provider this client has no route for: the next one serves.
        let candidates = mappings.filter { serves($0) && adapters.adapter(for: $0.provider, task: task) != nil }
        guard let mapping = candidates.first(where: { $0.status == .live }) ?? candidates.first(where: { $0.status != .error }) else {
            throw HFError.validation(field: "model", "no provider this client can call serves \(model.repository) for \(task); the Hub lists: \(available)")
        }
        logStagingMapping(mapping)
        return mapping
    }

    /// Drops the cached provider mappings, e.g. after the account's provider order changed at
    /// hf.co/settings/inference-providers; the next call asks the Hub again.
    public func forgetProviderMappings() async {
        await mappingCache.removeAll()
    }

    private func logStagingMapping(_ mapping: ProviderMapping) {
        guard mapping.status != .live, let logger = configuration.logger else { return }
        logger.log(HFLogEvent(
            level: .warning, kind: .serverWarning, operation: .providerMapping, method: "GET", route: "provider mapping",
            provider: mapping.provider,
            message: scrub("\(mapping.hfModelID) is in status '\(mapping.status)' on \(mapping.provider): it may be visible only to the provider's organisation, or failing its health check")
        ))
    }
}
