extension ProviderAdapters {
    /// DeepInfra: its OpenAI-compatible API lives under `/v1/openai`.
    static let deepInfra = ProviderAdapters(.deepInfra, directBaseURL: "https://api.deepinfra.com", [
        .openAIChat(path: "/v1/openai/chat/completions"),
        .openAIEmbeddings(path: "/v1/openai/embeddings"),
        .openAISpeech(path: "/v1/openai/audio/speech"),
        .openAITranscription(path: "/v1/openai/audio/transcriptions"),
    ])
}
