extension ProviderAdapters {
    /// Together AI.
    static let together = ProviderAdapters(.together, directBaseURL: "https://api.together.xyz", [
        .openAIChat(path: "/v1/chat/completions", rewrite: .jsonSchemaAsSchema),
        .openAIEmbeddings(path: "/v1/embeddings"),
    ])
}
