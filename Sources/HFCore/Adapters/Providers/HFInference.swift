extension ProviderAdapters {
    /// Hugging Face's own serverless inference, on the router at `/hf-inference`: per-model routes
    /// named by Hub id, so no Hub mapping is needed.
    static let hfInference = ProviderAdapters(.hfInference, directBaseURL: "https://router.huggingface.co/hf-inference", [
        .hfInferenceChat,
        .hfInferenceTextGeneration,
        .hfInferencePipeline(.featureExtraction),
        .hfInferencePipeline(.sentenceSimilarity),
    ] + InferenceTask.hfInferenceTaskRoutes.map(TaskAdapter.hfInferenceTask))
}
