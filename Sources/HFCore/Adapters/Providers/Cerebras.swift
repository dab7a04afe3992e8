extension ProviderAdapters {
    /// Cerebras: refuses `store`.
    static let cerebras = ProviderAdapters(.cerebras, directBaseURL: "https://api.cerebras.ai", [
        .openAIChat(path: "/v1/chat/completions", rewrite: .withoutStore),
    ])
}
