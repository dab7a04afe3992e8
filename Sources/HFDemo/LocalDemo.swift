import Foundation
import HFFull

/// The demo against a llama.cpp server on this machine (`Scripts/demo.sh --local`): the same
/// client calls, sent with `via: .endpoint(…)` as to any OpenAI-compatible server (vLLM, TGI, an
/// Inference Endpoint). The server's model is tiny and has random weights: its words are
/// gibberish, but every token is generated and streamed by the real server. The Hub-only parts of
/// the demo (availability, vision, audio, images) need Hugging Face and are left out here.
enum LocalDemo {
    static let chatModel: ModelID = "tiny-chat"
    static let embeddingModel = "tiny-embed"
    static let prompt = "What is deep learning?"

    static func run(_ client: HFClient, server: URL) async throws {
        let target = ChatTarget.endpoint(server)

        Demo.section("1. Chat completion (\(chatModel), greedy)")
        Demo.say("> \(prompt)")
        var request = ChatCompletionRequest(model: chatModel, messages: [.user(prompt)], maxTokens: 24, seed: 1, temperature: 0)
        let reply = try await client.inference.chat(request, via: target)
        Demo.say(reply.text ?? "")
        if let usage = reply.usage {
            Demo.say("  finish reason: \(reply.choices.first?.finishReason?.rawValue ?? "none sent"); tokens: \(usage.promptTokens ?? 0) prompt + \(usage.completionTokens ?? 0) completion")
        }

        Demo.section("2. The same request, streamed (the same words: greedy decoding)")
        Demo.say("> \(prompt)")
        try await Demo.stream(request, through: client, via: target, note: " (this server sends no token usage in streams)")

        Demo.section("3. A tool call the model is made to make")
        request.messages = [.user("What is the weather in Paris?")]
        request.tools = [ChatTool(function: .init(
            name: "get_weather", description: "Current weather in a city",
            parameters: ["type": "object", "properties": ["city": ["type": "string", "enum": ["Paris", "Rome"]]], "required": ["city"]]
        ))]
        request.toolChoice = .function("get_weather")
        for call in try await client.inference.chat(request, via: target).choices.first?.message.toolCalls ?? [] {
            Demo.say("  \(call.function.name)(\(call.function.arguments.trimmingCharacters(in: .whitespaces)))")
        }

        Demo.section("4. JSON that decodes into a Swift type")
        struct Verdict: Decodable {
            let ok: Bool
            let count: Int
        }
        request.tools = nil
        request.toolChoice = nil
        request.messages = [.user("Answer in JSON.")]
        request.maxTokens = 60   // room for the whole object: JSON cut off at the limit does not decode
        request.responseFormat = .custom([
            "type": "json_object",   // llama.cpp's JSON mode takes its schema here
            "schema": ["type": "object", "properties": ["ok": ["type": "boolean"], "count": ["type": "integer"]], "required": ["ok", "count"]],
        ])
        let verdict: Verdict = try await client.inference.chat(request, via: target).decode()
        Demo.say("  Verdict(ok: \(verdict.ok), count: \(verdict.count))")

        Demo.section("5. Embeddings from /v1/embeddings (\(embeddingModel))")
        let endpoint = EmbeddingEndpoint.openAICompatible(server, model: embeddingModel)
        let sentences = ["Machine learning is so easy.", "Deep learning is so straightforward.", "The river runs past the stone."]
        let embeddings = try await client.embeddings.embed(sentences, at: endpoint)
        Demo.say("  \(embeddings.count) token vectors of \(embeddings.dimension) dimensions for \(embeddings.inputCount) sentences (this model has no pooling)")
        let pooled = embeddings.meanPooled()
        Demo.say("  Cosine similarity of mean-pooled vectors to \"\(sentences[0])\":")
        for index in 1..<sentences.count {
            let score = try Similarity.cosine(Array(pooled[0]), Array(pooled[index]))
            Demo.say("    \(String(format: "%.3f", score))  \(sentences[index])")
        }
    }
}
