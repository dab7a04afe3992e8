import Foundation
import HFCore

/// Where a request goes once its target is resolved, and the model name its body carries.
package struct ResolvedRoute: Sendable {
    package var url: URL
    package var bodyModel: String
    /// The provider the body is addressed to, when one is known; its body rewrites apply.
    package var provider: Provider?
    package var token: TokenRequirement
}

extension InferenceAPI {
    /// Resolves `target` for a chat with `model`; only ``ChatTarget/provider(_:)`` with a
    /// third-party provider needs the network (the Hub mapping, cached).
    package func resolveChatRoute(model: ModelID, target: ChatTarget) async throws -> ResolvedRoute {
        let configuration = client.configuration
        switch target {
        case .router:
            return ResolvedRoute(
                url: configuration.routerURL(path: "/v1/chat/completions"),
                bodyModel: model.rawValue, provider: model.provider, token: .required
            )
        case .endpoint(let url):
            return ResolvedRoute(
                url: HFConfiguration.chatCompletionURL(forEndpoint: url),
                bodyModel: model.rawValue, provider: nil, token: .ifAvailable
            )
        case .provider(let provider):
            if provider == .hfInference {
                return ResolvedRoute(
                    url: configuration.hfInferenceURL(model: model.repository, subpath: "/v1/chat/completions"),
                    bodyModel: model.repository, provider: provider, token: .required
                )
            }
            guard let path = provider.chatCompletionPath else {
                throw HFError.validation(field: "provider", "\(provider) has no chat completion route; pick a provider that serves chat models")
            }
            let mapping = try await client.resolveMapping(model: model, task: .conversational, provider: provider)
            return ResolvedRoute(
                url: configuration.providerURL(provider, path: path),
                bodyModel: mapping.providerModelID, provider: provider, token: .required
            )
        }
    }

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

    /// The HTTP request for a chat: validated, routed, encoded with the provider's body rewrites.
    package func makeChatRequest(_ request: ChatCompletionRequest, via target: ChatTarget, stream: Bool) async throws -> HTTPRequest {
        try Self.validate(request, target: target)
        let route = try await resolveChatRoute(model: request.model, target: target)
        var wire = request
        wire.model = ModelID(rawValue: route.bodyModel)
        wire.stream = stream
        // OpenAI-compatible servers refuse stream_options on a request that does not stream.
        if !stream { wire.streamOptions = nil }
        var body: JSONValue
        do {
            body = try JSONValueEncoder().encodeToValue(wire)
        } catch {
            throw HFError.validation(field: "body", "could not be encoded as JSON: \(error)")
        }
        if case .provider(let provider) = target {
            ProviderBodyRewrite.apply(to: &body, provider: provider)
        }
        return try client.makeJSONRequest(
            url: route.url, body: body, accept: stream ? "text/event-stream" : "application/json",
            token: route.token, provider: route.provider
        )
    }
}
