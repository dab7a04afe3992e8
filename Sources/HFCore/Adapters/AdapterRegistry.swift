/// The table of adapters: for a provider and a task, how the call is made.
///
/// Adding a task for a provider is adding one adapter to that provider's file in `Providers/`;
/// adding a provider is adding a file and listing it in ``standard``. A provider this package does
/// not know is assumed to speak OpenAI's API at the usual paths (`/v1/chat/completions`,
/// `/v1/embeddings`), as most new providers do.
package struct AdapterRegistry: Sendable {
    private let providers: [Provider: ProviderAdapters]

    package init(_ providers: [ProviderAdapters]) {
        self.providers = Dictionary(providers.map { ($0.provider, $0) }) { first, _ in first }
    }

    package static let standard = AdapterRegistry([
        .baseten, .blackForestLabs, .cerebras, .clarifai, .cohere, .deepInfra, .falAI, .featherlessAI, .fireworksAI,
        .groq, .hfInference, .hyperbolic, .nebius, .novita, .nscale, .nvidia, .openAI, .ovhCloud, .publicAI,
        .replicate, .sambaNova, .scaleway, .together, .waveSpeed, .zaiOrg,
    ])

    /// How `provider` serves `task`, or `nil` when this package knows the provider and it does not.
    package func adapter(for provider: Provider, task: InferenceTask) -> TaskAdapter? {
        guard let known = providers[provider] else { return ProviderAdapters.openAICompatible.adapters[task] }
        return known.adapters[task]
    }

    /// What is known of `provider`, if anything.
    package func provider(_ provider: Provider) -> ProviderAdapters? {
        providers[provider]
    }

    /// The router's own route for `task` (chat only).
    package func routerAdapter(for task: InferenceTask) -> TaskAdapter? {
        task == .conversational ? .routerChat : nil
    }

    /// How a server of the caller's in `style` serves `task`.
    package func endpointAdapter(for task: InferenceTask, style: EndpointStyle) -> TaskAdapter? {
        switch (task, style) {
        case (.conversational, _): return .chatEndpoint
        case (.textGeneration, .huggingFace): return .textGenerationEndpoint
        case (.featureExtraction, .huggingFace): return .embeddingsEndpoint
        case (.featureExtraction, .openAI): return .openAIEmbeddingsEndpoint
        case (_, .huggingFace) where InferenceTask.hfInferenceTaskRoutes.contains(task): return .huggingFaceTaskEndpoint(task)
        default: return nil
        }
    }
}
