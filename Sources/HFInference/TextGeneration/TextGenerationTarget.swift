import Foundation
import HFCore

/// Where a text-generation request goes.
///
/// ```swift
/// let request = TextGenerationRequest(inputs: "Hello", parameters: TextGenerationParameters(maxNewTokens: 5))
/// let local = try await client.inference.textGeneration(request, via: .endpoint(URL(string: "http://localhost:8080")!))
/// let hosted = try await client.inference.textGeneration(request, via: .model("openai-community/gpt2"))
/// ```
public enum TextGenerationTarget: Sendable, Hashable {
    /// `POST {router}/hf-inference/models/{id}` (a base URL set for hf-inference in
    /// ``HFConfiguration/providerBaseURLs`` replaces `{router}/hf-inference`).
    case model(ModelID)
    /// Your own text-generation-inference server or Inference Endpoint: the body is posted to
    /// this URL as is. The token is sent when there is one.
    case endpoint(URL)

    var model: ModelID? {
        if case .model(let model) = self { return model }
        return nil
    }

    /// The adapter registry's view of the target.
    var taskTarget: TaskTarget {
        switch self {
        case .model: return .provider(.hfInference)
        case .endpoint(let url): return .endpoint(url, .huggingFace)
        }
    }
}
