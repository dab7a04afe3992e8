import HFCore

extension ChatTarget {
    /// The adapter registry's view of the target.
    var taskTarget: TaskTarget {
        switch self {
        case .router: return .router
        case .provider(let provider): return .provider(provider)
        case .endpoint(let url): return .endpoint(url, .openAI)
        }
    }

    /// The provider known before routing: the pinned one, or the model id's suffix on the router.
    func provider(for model: ModelID) -> Provider? {
        switch self {
        case .router: return model.provider
        case .provider(let provider): return provider
        case .endpoint: return nil
        }
    }
}

extension InferenceAPI {
    /// Checks what can be checked without the network: the request, and that an explicit provider
    /// does not contradict the model id's own suffix.
    package static func validate(_ request: ChatCompletionRequest, target: ChatTarget) throws(HFError) {
        if case .endpoint = target {
            try request.validate(hubModel: false)
            return
        }
        try request.validate()
        if case .provider(let provider) = target, let suffix = request.model.suffix, suffix != provider.rawValue {
            throw .validation(field: "model", "\"\(request.model)\" has the suffix \":\(suffix)\" but the request targets the provider \(provider); drop the suffix or the explicit provider")
        }
    }

    /// The context of a chat call before routing.
    package func chatContext(_ request: ChatCompletionRequest, target: ChatTarget, streaming: Bool) -> HFRequestContext {
        client.context(
            streaming ? .chatStream : .chat, task: .conversational, model: request.model,
            provider: target.provider(for: request.model), streaming: streaming
        )
    }

    /// A chat call, routed for `operation`'s provider and shaped by its adapter.
    package func chatCall(_ request: ChatCompletionRequest, via target: ChatTarget, stream: Bool, operation: HFRequestContext) async throws -> TaskCall {
        let route = try await client.route(.conversational, model: request.model, to: target.taskTarget, context: operation)
        var wire = request
        wire.stream = stream
        // OpenAI-compatible servers refuse stream_options on a request that does not stream.
        if !stream { wire.streamOptions = nil }
        return try route.call(encoding: wire, client: client, accept: stream ? "text/event-stream" : "application/json", operation: operation)
    }
}
