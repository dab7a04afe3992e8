extension ProviderAdapters {
    /// Z.ai.
    static let zaiOrg = ProviderAdapters(.zaiOrg, directBaseURL: "https://api.z.ai", [
        .openAIChat(path: "/api/paas/v4/chat/completions"),
    ])
}
