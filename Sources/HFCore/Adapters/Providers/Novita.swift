extension ProviderAdapters {
    /// Novita: chat, and text-to-video on its synchronous Hugging Face route.
    static let novita = ProviderAdapters(.novita, directBaseURL: "https://api.novita.ai", [
        .openAIChat(path: "/v3/openai/chat/completions"),
        .novitaVideo,
    ])
}
