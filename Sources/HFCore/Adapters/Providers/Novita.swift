extension ProviderAdapters {
    /// Novita.
    static let novita = ProviderAdapters(.novita, directBaseURL: "https://api.novita.ai", [
        .openAIChat(path: "/v3/openai/chat/completions"),
    ])
}
