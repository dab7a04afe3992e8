// The package's main job, end to end: a chat completion, the same prompt streamed token by token
// (with its finish reason, token usage and latency), an embedding and sentence similarities, a
// model's availability, objects found in a photo, speech recognised in a voice clip, and an image
// made from a prompt.
//
//   Scripts/demo.sh            offline: a loopback replay server serves real recorded responses
//   HF_TOKEN=hf_… Scripts/demo.sh   live: the real router and Hub
//   Scripts/demo.sh --local    live against a llama.cpp server started here (LocalDemo.swift)
//
// The calls are the same in the first two modes; only the base URLs differ.
import Foundation
import HFFull

@main
struct Demo {
    static let prompt = "What is deep learning?"
    static let chatModel = ModelID.llama3_8BInstruct
    static let embeddingModel = ModelID.allMiniLML6v2

    static func main() async {
        do {
            if let local = ProcessInfo.processInfo.environment["HF_DEMO_LOCAL_URL"].flatMap({ URL(string: $0) }) {
                say("Local mode: a llama.cpp server started by Scripts/demo.sh --local at \(local.absoluteString), with a tiny random-weight model (its answers are gibberish, made and streamed for real). No token needed.")
                try await LocalDemo.run(HFClient(), server: local)
                return
            }
            let live = ProcessInfo.processInfo.environment["HF_TOKEN"].map { !$0.isEmpty } ?? false
            let offline: OfflineServer? = live ? nil : try OfflineServer()
            let client = offline?.client ?? HFClient()
            say(live
                ? "Live mode: calling router.huggingface.co and huggingface.co with your HF_TOKEN."
                : "Offline mode: no HF_TOKEN, so a local replay server answers with real responses recorded from Hugging Face (set HF_TOKEN to call the live service).")
            try await run(client, offline: !live)
        } catch let error as HFError {
            say("\nFailed: \(error)")
            exit(1)
        } catch {
            say("\nFailed: \(error)")
            exit(1)
        }
    }

    static func run(_ client: HFClient, offline: Bool) async throws {
        section("1. Chat completion (\(chatModel))")
        say("> \(prompt)")
        let answer = try await client.inference.chat(prompt, model: chatModel)
        say(answer.trimmingCharacters(in: .whitespacesAndNewlines))

        section("2. The same prompt, streamed")
        say("> \(prompt)")
        // The recorded stream was asked for 20 tokens at most; the live call asks the same.
        var streamed = ChatCompletionRequest(model: chatModel, messages: [.user(prompt)])
        streamed.maxTokens = 20
        streamed.streamOptions = StreamOptions()   // live providers send the token usage only when asked
        try await stream(streamed, through: client, via: .router, note: offline ? " (the replay server sends one event every \(milliseconds(OfflineServer.eventDelay)))" : "")

        section("3. Embeddings and similarity (\(embeddingModel))")
        let sentence = "Hi, who are you?"
        let embedding = try await client.embeddings.embed(sentence, model: embeddingModel)
        let vector = Array(embedding[0])
        let norm = Similarity.norm(vector)
        say("\"\(sentence)\" → \(embedding.dimension) dimensions, L2 norm \(String(format: "%.3f", norm)), starts \(vector.prefix(4).map { String(format: "%.4f", $0) }.joined(separator: ", "))…")
        let source = "Machine learning is so easy."
        let sentences = ["Deep learning is so straightforward.", "This is so difficult, like rocket science.", "I can't believe how much I struggled with this."]
        let scores = try await client.embeddings.similarity(source: source, sentences: sentences, model: embeddingModel)
        say("Cosine similarity to \"\(source)\":")
        for (text, score) in zip(sentences, scores).sorted(by: { $0.1 > $1.1 }) {
            say("  \(String(format: "%.3f", score))  \(text)")
        }

        section("4. Availability of \(chatModel)")
        let availability = try await client.models.availability(of: chatModel)
        say("state: \(availability.state)")
        for mapping in availability.providers {
            say("  \(mapping.provider): \(mapping.status), task \(mapping.task), provider id \(mapping.providerModelID)")
        }

        section("5. Vision: objects in a photo (facebook/detr-resnet-50)")
        let photo = MediaInput.data(try OfflineServer.upload(OfflineServer.multimodalCases[0]))
        for object in try await client.multimodal.detectObjects(in: photo, model: "facebook/detr-resnet-50") {
            let box = object.box
            say("  \(object.label) \(String(format: "%.2f", object.score)) at (\(box.xmin), \(box.ymin)), \(box.width)×\(box.height) px")
        }

        section("6. Audio: speech recognition (jonatasgrosman/wav2vec2-large-xlsr-53-english)")
        let clip = MediaInput.data(try OfflineServer.upload(OfflineServer.multimodalCases[1]))
        let heard = try await client.multimodal.transcribe(clip, model: "jonatasgrosman/wav2vec2-large-xlsr-53-english")
        say("  \"\(heard.text)\"")

        section("7. Text to image (CompVis/stable-diffusion-v1-4)")
        let image = try await client.multimodal.textToImage("An astronaut riding a horse on the moon.", model: "CompVis/stable-diffusion-v1-4")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hf-demo-astronaut.\(image.fileExtension)")
        try image.write(to: file)
        say("  \(image.contentType), \(image.data.count) bytes, written to \(file.path)")
    }

    /// Prints the answer as it streams, then its finish reason, token usage (when the server sent
    /// it) and latency; `note` follows the latency.
    static func stream(_ request: ChatCompletionRequest, through client: HFClient, via target: ChatTarget, note: String) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        var firstToken: Duration?
        var finishReason: FinishReason?
        var usage: TokenUsage?
        for try await chunk in try client.inference.chatStream(request, via: target) {
            if let text = chunk.text, !text.isEmpty {
                firstToken = firstToken ?? clock.now - start
                say(text, terminator: "")
            }
            finishReason = chunk.finishReason ?? finishReason
            usage = chunk.usage ?? usage
        }
        let total = clock.now - start
        say("")
        say("  finish reason: \(finishReason?.rawValue ?? "none sent")\(finishReason == .length ? " (the answer stopped at max_tokens = \(request.maxTokens ?? 0), mid-sentence)" : "")")
        if let usage {
            say("  tokens: \(usage.promptTokens.map(String.init) ?? "?") prompt + \(usage.completionTokens.map(String.init) ?? "?") completion = \(usage.totalTokens.map(String.init) ?? "?")")
        }
        say("  latency: first token after \(milliseconds(firstToken)), whole answer \(milliseconds(total))\(note)")
    }

    static func milliseconds(_ duration: Duration?) -> String {
        guard let duration else { return "n/a" }
        let (seconds, attoseconds) = duration.components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
    }

    static func section(_ title: String) {
        say("\n== \(title)")
    }

    /// Unbuffered, so streamed tokens show as they arrive.
    static func say(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }
}
