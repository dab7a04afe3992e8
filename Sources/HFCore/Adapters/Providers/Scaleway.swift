extension ProviderAdapters {
    /// Scaleway.
    static let scaleway = ProviderAdapters(.scaleway, directBaseURL: "https://api.scaleway.ai", [
        .openAIChat(path: "/v1/chat/completions"),
        .openAIEmbeddings(path: "/v1/embeddings"),
    ])
}
