import Foundation
import HFFull
import HFReplay
import HFTestSupport
import Testing

/// The README's examples beyond the quickstart, compiled and run against the replay server. Only
/// the client's construction differs from the README; the lines between the markers are the
/// README's, verbatim (`ReadmeSnippetTests` checks that).
@Suite("README examples")
struct ReadmeExamplesTests {
    @Test("configuration")
    func configuration() async throws {
        // README configuration begins
        var configuration = HFConfiguration(token: "hf_…")
        configuration.requestTimeout = .seconds(60)          // whole response, or a stream's head
        configuration.streamIdleTimeout = .seconds(30)       // silence allowed inside a stream
        configuration.billTo = "my-org"                      // X-HF-Bill-To
        configuration.providerBaseURLs[.hfInference] = URL(string: "http://localhost:8080")!   // a local TGI
        configuration.logger = .standardError(minimumLevel: .debug)
        let client = HFClient(configuration: configuration)
        // README configuration ends

        // The same configuration on a transport that records what it is handed.
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_together_conversational")
        let transport = MemoryTransport { _ in HTTPStreamingResponse(recorded: recorded.interactions[1].response) }
        var withRealisticToken = client.configuration
        withRealisticToken.token = Secret(testToken)   // the README's "hf_…" placeholder cannot go in a header
        let recording = HFClient(configuration: withRealisticToken, transport: transport)
        _ = try await recording.inference.chat(ChatCompletionRequest(model: "x/y", messages: [.user("Hi")]), via: .provider(.hfInference))
        let request = try #require(transport.requests.only)
        #expect(request.url.absoluteString == "http://localhost:8080/models/x/y/v1/chat/completions")
        #expect(request.headers["X-HF-Bill-To"] == "my-org")
        #expect(request.limits.timeout <= .seconds(60) && request.limits.timeout > .seconds(50))
        #expect(request.limits.idleTimeout == .seconds(30))
    }

    /// Hands out a new token every call, as a secrets store rotating them would.
    actor TokenVault {
        private var issued = 0

        func currentToken() throws -> String {
            issued += 1
            return "hf_vault\(issued)_0123456789abcdefghij"
        }
    }

    @Test("a token asked for per request, and a middleware that sees each request's context")
    func tokenProviderAndMiddleware() async throws {
        let vault = TokenVault()
        // README middleware begins
        struct Tracing: HFMiddleware {
            func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
                var request = request
                request.headers["X-Trace"] = "\(context.operation) via \(context.provider?.rawValue ?? "router"), attempt \(context.attempt)"
                return try await next(request, context)
            }
        }
        // Asked before every request: a long-running server picks up rotated tokens.
        let configuration = HFConfiguration(tokenProvider: .refreshing { try await vault.currentToken() })
        let client = HFClient(configuration: configuration, middleware: [Tracing()])
        // README middleware ends

        // The same client on recorded traffic.
        let transport = MemoryTransport(replaying: try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_together_conversational"))
        let recording = HFClient(configuration: client.configuration, transport: transport, middleware: client.middleware)
        _ = try await recording.inference.chat(ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")]), via: .provider(.together))
        let sent = transport.requests
        try #require(sent.count == 2)
        #expect(sent.map { $0.headers["X-Trace"] } == ["providerMapping via router, attempt 1", "chat via together, attempt 1"])
        #expect(sent[1].headersForWire()["Authorization"] == "Bearer hf_vault2_0123456789abcdefghij")
    }

    @Test("chat through the router, and pinned to a provider")
    func routes() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_together_conversational")
        let chat = try #require(recorded.inferenceInteraction)
        let server = try ReplayServer(case: recorded)
        server.serve(chat, at: Route("POST", "https://router.huggingface.co/v1/chat/completions"))
        let client = HFClient.replaying(server)

        // README routes begins
        var request = ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.system("Be brief."), .user("What is deep learning?")])
        request.maxTokens = 100
        // The router picks a provider (":fastest" unless the model id ends ":cheapest" or ":preferred")
        let routed = try await client.inference.chat(request)
        // Pin a provider: the Hub mapping gives the provider's own model id
        let pinned = try await client.inference.chat(request, via: .provider(.together))
        print(routed.text ?? "", pinned.usage?.totalTokens ?? 0)
        // README routes ends

        let recordedText = try chat.response.jsonBody()["choices"]?[0]?["message"]?["content"]?.stringValue
        #expect(routed.text == recordedText)
        #expect(pinned.text == recordedText)
        let paths = server.requests.map(\.path)
        #expect(paths == ["/v1/chat/completions", "/api/models/meta-llama/Meta-Llama-3-8B-Instruct", "/together/v1/chat/completions"])
        let pinnedBody = try #require(try server.requests.last?.jsonBody())
        #expect(pinnedBody["model"]?.stringValue == "meta-llama/Meta-Llama-3-8B-Instruct-Turbo")
        #expect(pinnedBody["max_tokens"]?.intValue == 100)
    }

    @Test("embeddings, similarity search and availability")
    func embeddingsAndAvailability() async throws {
        let embedding = try #require(try RecordedCase.load("legacy.InferenceClientVCRTest.test_feature_extraction_with_sentence_transformers").inferenceInteraction)
        let similarity = try #require(try RecordedCase.load("TestInferenceClient.test_sentence_similarity_hf-inference_sentence-similarity").inferenceInteraction)
        let mapping = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_together_conversational").interactions[0]
        let server = try ReplayServer()
        let pipeline = "https://router.huggingface.co/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline"
        server.serve(embedding, at: Route("POST", pipeline + "/feature-extraction"))
        server.serve(similarity, at: Route("POST", pipeline + "/sentence-similarity"))
        server.serve(mapping, at: Route(method: "GET", host: "huggingface.co", path: "/api/models/meta-llama/Meta-Llama-3-8B-Instruct", query: nil))
        let client = HFClient.replaying(server)

        // README embeddings begins
        let vectors = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        let index = try VectorIndex(vectors)
        let nearest = try index.search(vectors[0], k: 1)

        let scores = try await client.embeddings.similarity(
            source: "Machine learning is so easy.",
            sentences: ["Deep learning is so straightforward.", "This is so difficult, like rocket science.", "I can't believe how much I struggled with this."],
            model: .allMiniLML6v2
        )

        let availability = try await client.models.availability(of: .llama3_8BInstruct)
        print(nearest, scores, availability.state, availability.liveProviders.map(\.provider))
        // README embeddings ends

        #expect(vectors.dimension == 384)
        #expect(nearest.first?.index == 0)
        #expect(abs((nearest.first?.score ?? 0) - 1) < 1e-5)
        #expect(scores == (try similarity.response.jsonBody()).arrayValue?.compactMap(\.doubleValue))
        #expect(availability.state == .available)
        #expect(availability.liveProviders.map(\.provider) == [.together, .hfInference])
    }

    @Test("vision, audio and image generation")
    func multimodal() async throws {
        let server = try ReplayServer()
        for stem in [
            "TestInferenceClient.test_image_classification_hf-inference_image-classification",
            "TestInferenceClient.test_automatic_speech_recognition_fal-ai_automatic-speech-recognition",
            "TestInferenceClient.test_text_to_image_default_together_text-to-image",
        ] {
            server.serve(case: try RecordedCase.load(stem))
        }
        let client = HFClient.replaying(server)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let uploads = try server.rules.filter { $0.interaction.request.method == "POST" }.map { try #require($0.interaction.request.body) }
        try uploads[0].write(to: folder.appendingPathComponent("photo.png"))
        let clip = try #require(try JSONSerialization.jsonObject(with: uploads[1]) as? [String: String])["audio_url"]!
        try Data(base64Encoded: String(clip.split(separator: ",")[1]))!.write(to: folder.appendingPathComponent("sample.flac"))

        // README multimodal begins
        let photo = MediaInput.file(folder.appendingPathComponent("photo.png"))
        let labels = try await client.multimodal.classifyImage(photo, model: "google/vit-base-patch16-224")

        let audio = MediaInput.file(folder.appendingPathComponent("sample.flac"))
        let transcript = try await client.multimodal.transcribe(audio, model: "openai/whisper-large-v3", via: .provider(.falAI))

        let image = try await client.multimodal.textToImage(
            "An astronaut riding a horse on the moon.",
            model: "stabilityai/stable-diffusion-xl-base-1.0",
            via: .provider(.together)
        )
        try image.write(to: folder.appendingPathComponent("astronaut.\(image.fileExtension)"))
        print(labels[0].label, transcript.text, image.contentType)
        // README multimodal ends

        #expect(labels.first?.label == "brassiere, bra, bandeau")
        #expect(transcript.text == " A man said to the universe, Sir, I exist.")
        #expect(image.contentType == "image/jpeg")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("astronaut.jpg").path))
    }
}
