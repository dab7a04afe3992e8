extension ProviderAdapters {
    /// What a provider this package does not know is assumed to serve: OpenAI's chat and
    /// embeddings routes.
    static let openAICompatible = ProviderAdapters(Provider(rawValue: "openai-compatible"), directBaseURL: nil, [
        .openAIChat(path: "/v1/chat/completions"),
        .openAIEmbeddings(path: "/v1/embeddings"),
    ])
}
