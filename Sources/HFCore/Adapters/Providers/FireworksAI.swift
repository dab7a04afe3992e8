extension ProviderAdapters {
    /// Fireworks AI.
    static let fireworksAI = ProviderAdapters(.fireworksAI, directBaseURL: "https://api.fireworks.ai", [
        .openAIChat(path: "/inference/v1/chat/completions", rewrite: .jsonSchemaAsJSONObject),
    ])
}
