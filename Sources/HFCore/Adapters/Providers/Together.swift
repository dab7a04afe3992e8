extension ProviderAdapters {
    /// Together AI.
    static let together = ProviderAdapters(.together, directBaseURL: "https://api.together.xyz", [
        .openAIChat(path: "/v1/chat/completions", rewrite: .jsonSchemaAsSchema),
        .openAIEmbeddings(path: "/v1/embeddings"),
        .openAIImages(path: "/v1/images/generations", renaming: ["num_inference_steps": "steps", "guidance_scale": "guidance"], fixed: ["response_format": "base64"]),
        .openAISpeech(path: "/v1/audio/speech"),
        .openAITranscription(path: "/v1/audio/transcriptions"),
    ])
}
