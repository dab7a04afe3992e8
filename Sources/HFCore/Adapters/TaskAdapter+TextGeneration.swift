import Foundation

// Text generation in text-generation-inference's dialect: `{"inputs", "parameters", "stream"}`,
// answered with `{"generated_text", "details"}`, or an array holding it.

extension TaskAdapter {
    /// hf-inference's `/models/{id}`, with the Hub id in the URL only.
    static let hfInferenceTextGeneration = TaskAdapter(task: .textGeneration, response: .objectOrFirstElement, usesMapping: false) { base, model in
        HFConfiguration.join(base, "/models/\(model.hubID)")
    }

    /// A text-generation-inference server or Inference Endpoint: posted to the URL as given.
    static let textGenerationEndpoint = TaskAdapter(task: .textGeneration, response: .objectOrFirstElement, usesMapping: false) { base, _ in base }
}
