import Foundation
import HFCore

/// Where a task call goes.
///
/// ```swift
/// try await client.multimodal.classifyImage(photo, model: "google/vit-base-patch16-224")                 // hf-inference
/// try await client.multimodal.textToImage("a fox", model: "black-forest-labs/FLUX.1-dev", via: .provider(.falAI))
/// try await client.multimodal.classifyImage(photo, model: "my-vit", via: .endpoint(URL(string: "https://xyz.endpoints.huggingface.cloud")!))
/// ```
public enum TaskDestination: Sendable, Hashable {
    /// hf-inference (`{router}/hf-inference/models/{id}`, without asking the Hub), unless the
    /// model id names a provider (`…:fal-ai`), which is then asked for its id of the model in the
    /// Hub mapping, or a policy (`…:fastest`), which takes the first provider of the mapping that
    /// serves the task, in your account's order.
    case automatic
    /// That provider's route, with its id of the model from the Hub mapping (the Hub id itself
    /// for ``Provider/hfInference``). A base URL set for the provider in
    /// ``HFConfiguration/providerBaseURLs`` replaces `{router}/{provider}`.
    case provider(Provider)
    /// A dedicated Inference Endpoint, or any server speaking hf-inference's task bodies: requests
    /// are posted to the URL as given, with the token when there is one. The model id only names
    /// the call in logs.
    case endpoint(URL)

    /// The adapter registry's view of the destination for `model`.
    func target(for model: ModelID) -> TaskTarget {
        switch self {
        case .automatic:
            if let provider = model.provider { return .provider(provider) }
            return model.policy == nil ? .provider(.hfInference) : .provider(nil)
        case .provider(let provider):
            return .provider(provider)
        case .endpoint(let url):
            return .endpoint(url, .huggingFace)
        }
    }

    /// The provider known before routing, when there is one.
    func provider(for model: ModelID) -> Provider? {
        switch target(for: model) {
        case .provider(let provider): return provider
        default: return nil
        }
    }
}
