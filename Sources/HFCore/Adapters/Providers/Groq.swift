extension ProviderAdapters {
    /// Groq.
    static let groq = ProviderAdapters(.groq, directBaseURL: "https://api.groq.com", [
        .openAIChat(path: "/openai/v1/chat/completions"),
    ])
}
