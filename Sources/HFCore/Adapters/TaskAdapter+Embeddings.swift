import Foundation

// Feature extraction and sentence similarity: hf-inference's pipeline routes, OpenAI-style
// `/embeddings` routes, and servers of the caller's. The canonical body is text-embeddings-
// inference's: `{"inputs": text or [texts], "normalize", "prompt_name", "truncate", …}`.

extension TaskAdapter {
    /// hf-inference's `/models/{id}/pipeline/{task}`, answered with nested arrays of numbers
    /// (feature extraction) or one score per sentence (sentence similarity).
    static func hfInferencePipeline(_ task: InferenceTask) -> TaskAdapter {
        TaskAdapter(task: task, usesMapping: false) { base, model in
            HFConfiguration.join(base, "/models/\(model.providerID)/pipeline/\(task.rawValue)")
        }
    }

    /// An OpenAI-style embeddings route at `path` below the provider's base URL:
    /// `{"model": id, "input": …, options}`, answered with `data[].embedding`.
    static func openAIEmbeddings(path: String) -> TaskAdapter {
        TaskAdapter(task: .featureExtraction) { base, _ in
            HFConfiguration.join(base, path)
        } body: { body, model in
            body = openAIEmbeddingsBody(body, model: model.providerID)
        }
    }

    /// Text Embeddings Inference or an Inference Endpoint: the canonical body, posted to the URL
    /// exactly as given.
    static let embeddingsEndpoint = TaskAdapter(task: .featureExtraction, usesMapping: false) { base, _ in base }

    /// An OpenAI-compatible server: its embeddings route is kept when the URL's path ends in
    /// `/embeddings`, else `/embeddings` is added after a trailing `/v1`, else `/v1/embeddings`.
    /// The model name goes in the body when one was given.
    static let openAIEmbeddingsEndpoint = TaskAdapter(task: .featureExtraction, usesMapping: false) { base, _ in
        HFConfiguration.openAIURL(forEndpoint: base, route: "/embeddings")
    } body: { body, model in
        body = openAIEmbeddingsBody(body, model: model.providerID.isEmpty ? nil : model.providerID)
    }

    /// `model` first, `inputs` renamed `input`, the options after, in their order.
    private static func openAIEmbeddingsBody(_ canonical: JSONObject, model: String?) -> JSONObject {
        var body = JSONObject()
        if let model { body["model"] = .string(model) }
        for (key, value) in canonical {
            body[key == "inputs" ? "input" : key] = value
        }
        return body
    }
}
