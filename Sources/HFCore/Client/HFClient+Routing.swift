import Foundation

extension HFClient {
    /// Resolves a call of `task` for `model` to `target`, as `context` has it now: an operation
    /// middleware that set ``HFRequestContext/provider`` moves the call to that provider (through
    /// the router, as the model id's suffix). Only a named third-party provider needs the network
    /// (its Hub mapping, cached); a task the target does not serve fails before anything is sent.
    package func route(_ task: InferenceTask, model: ModelID, to target: TaskTarget, context: HFRequestContext) async throws -> TaskRoute {
        switch target {
        case .router:
            guard let adapter = adapters.routerAdapter(for: task) else {
                throw HFError.validation(field: "model", "the router's own route serves chat only; pick a provider for \(task)")
            }
            var model = model
            if let provider = context.provider, provider != model.provider {
                model = ModelID(model.repository, provider: provider)
            }
            let ids = TaskModel(asGiven: model.rawValue, hubID: model.repository, providerID: model.rawValue)
            return TaskRoute(adapter: adapter, url: adapter.url(base: configuration.routerBaseURL, model: ids), model: ids, provider: model.provider, token: .required)

        case .endpoint(let url, let style):
            if let provider = context.provider {
                throw HFError.validation(field: "provider", "a call to your own endpoint cannot be moved to the provider \(provider)")
            }
            guard let adapter = adapters.endpointAdapter(for: task, style: style) else {
                throw HFError.validation(field: "endpoint", "this client cannot send \(task) to a server of that kind")
            }
            let ids = TaskModel(asGiven: model.rawValue, hubID: model.rawValue, providerID: model.rawValue)
            return TaskRoute(adapter: adapter, url: adapter.url(base: url, model: ids), model: ids, provider: nil, token: .ifAvailable)

        case .provider(let pinned):
            let requested = context.provider ?? pinned
            // A named provider that does not serve the task is refused before the Hub is asked;
            // one whose routes take Hub ids (hf-inference) needs no mapping at all.
            if let requested {
                let adapter = try adapter(for: requested, task: task)
                if !adapter.usesMapping {
                    return providerRoute(adapter, requested, TaskModel(asGiven: model.rawValue, hubID: model.repository, providerID: model.repository))
                }
            }
            let mapping = try await mapping(for: model, task: task, provider: requested)
            return providerRoute(try adapter(for: mapping.provider, task: task), mapping.provider, try taskModel(model, mapping: mapping))
        }
    }

    private func providerRoute(_ adapter: TaskAdapter, _ provider: Provider, _ ids: TaskModel) -> TaskRoute {
        TaskRoute(adapter: adapter, url: adapter.url(base: configuration.baseURL(for: provider), model: ids), model: ids, provider: provider, token: .required)
    }

    /// The ids of `model` for `mapping`'s provider. The provider's id goes into URL paths (fal,
    /// Replicate) and is written by the provider's organisation, so one that could leave its path
    /// segment (`..`, a query, a fragment, an escape, white space) is refused.
    private func taskModel(_ model: ModelID, mapping: ProviderMapping) throws(HFError) -> TaskModel {
        let id = mapping.providerModelID
        let unsafe = CharacterSet(charactersIn: "?#%\\").union(.whitespacesAndNewlines).union(.controlCharacters)
        guard !id.isEmpty, !id.hasPrefix("/"), id.rangeOfCharacter(from: unsafe) == nil,
              !id.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." })
        else {
            var error = HFError(
                category: .api,
                message: "The Hub maps \(model.repository) on \(mapping.provider) to an id that cannot be used in a URL (\"\(id.prefix(80))\").",
                recoverySuggestion: "Pick another provider for this model, or report the mapping to Hugging Face."
            )
            error.provider = mapping.provider
            throw error
        }
        var lora: TaskModel.LoRA?
        if mapping.adapter == "lora", let path = mapping.adapterWeightsPath {
            let repository = HFConfiguration.join(configuration.hubBaseURL, "/" + mapping.hfModelID).absoluteString
            lora = TaskModel.LoRA(repositoryURL: repository, weightsURL: repository + "/resolve/main/" + path)
        }
        return TaskModel(asGiven: model.rawValue, hubID: model.repository, providerID: id, lora: lora)
    }

    private func adapter(for provider: Provider, task: InferenceTask) throws(HFError) -> TaskAdapter {
        guard let adapter = adapters.adapter(for: provider, task: task) else {
            throw .validation(field: "provider", "this client has no route for \(task) on \(provider); pick a provider that serves it (the model's Hub page lists them)")
        }
        return adapter
    }
}
