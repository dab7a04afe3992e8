extension ProviderAdapters {
    /// Cohere, through its OpenAI compatibility API.
    static let cohere = ProviderAdapters(.cohere, directBaseURL: "https://api.cohere.com", [
        .openAIChat(path: "/compatibility/v1/chat/completions", rewrite: .jsonSchemaAsJSONObject),
    ])
}
