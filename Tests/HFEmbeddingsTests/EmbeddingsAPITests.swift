import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFEmbeddings

/// `client.embeddings` against recorded traffic. The recorded feature-extraction calls were made on
/// routes that have changed since (`/hf-inference/pipeline/feature-extraction/{id}`,
/// `api-inference.huggingface.co/pipeline/feature-extraction/{id}`); each recorded response is
/// served on today's route, `/hf-inference/models/{id}/pipeline/feature-extraction`, and the tests
/// assert the request our client sends there.
@Suite("Embeddings API")
struct EmbeddingsAPITests {
    static let miniLM = FeatureExtractionFixture.all.first { $0.model == "sentence-transformers/all-MiniLM-L6-v2" }!
    static let bartNew = FeatureExtractionFixture.all[0]
    static let bartLegacy = FeatureExtractionFixture.all[2]

    static func pipelineRoute(_ model: String, task: String = "feature-extraction") -> Route {
        Route(method: "POST", host: "router.huggingface.co", path: "/hf-inference/models/\(model)/pipeline/\(task)")
    }

    @Test("every recorded feature-extraction case: the request we send and the typed result", arguments: FeatureExtractionFixture.all)
    func recordedCase(_ fixture: FeatureExtractionFixture) async throws {
        let server = try ReplayServer()
        server.serve(fixture.interaction, at: Self.pipelineRoute(fixture.model))
        let client = HFClient.replaying(server)

        let embeddings = try await client.embeddings.embed(fixture.text, model: ModelID(rawValue: fixture.model))

        let sent = try #require(server.requests.only)
        #expect(sent.method == "POST")
        #expect(sent.path == "/hf-inference/models/\(fixture.model)/pipeline/feature-extraction")
        #expect(sent.header("Authorization") == "Bearer \(testToken)")
        #expect(sent.header("Content-Type") == "application/json")
        #expect(try sent.jsonObject() as NSDictionary == ["inputs": fixture.text])
        let reference = try foundationFloats(server.servedBody(for: fixture.interaction.response))
        #expect(embeddings.values.bitPatterns == reference.values.bitPatterns)
        #expect(embeddings.inputCount == 1)
        if reference.rank == 1 {
            #expect(embeddings.shape == .vector)
            #expect(embeddings.dimension == reference.values.count)
        } else {
            // facebook/bart-base is not pooled: one 768-value vector per token of the one text.
            #expect(embeddings.shape == .tokens([8]))
            #expect(embeddings.dimension == 768)
            #expect(embeddings.meanPooled().count == 1)
        }
    }

    @Test("sentence similarity: the spec body on today's route, one score per sentence", arguments: [
        "TestInferenceClient.test_sentence_similarity_hf-inference_sentence-similarity",
        "legacy.InferenceClientVCRTest.test_sentence_similarity",
    ])
    func sentenceSimilarity(_ file: String) async throws {
        let interaction = try RecordedCase.load(file).interactions.last!
        let server = try ReplayServer()
        server.serve(interaction, at: Self.pipelineRoute("sentence-transformers/all-MiniLM-L6-v2", task: "sentence-similarity"))
        let client = HFClient.replaying(server)
        let sentences = ["Deep learning is so straightforward.", "This is so difficult, like rocket science.", "I can't believe how much I struggled with this."]

        let scores = try await client.embeddings.similarity(source: "Machine learning is so easy.", sentences: sentences, model: .allMiniLML6v2)

        let sent = try #require(server.requests.only)
        #expect(sent.path == "/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity")
        #expect(try sent.jsonObject() as NSDictionary == ["inputs": ["source_sentence": "Machine learning is so easy.", "sentences": sentences]])
        #expect(scores == (try JSONDecoder().decode([Double].self, from: interaction.response.body)))
        #expect(scores.count == 3 && scores[0] > 0.77 && scores[2] < 0.3)
    }

    @Test("options are top-level keys of the body; nil ones are left out")
    func optionsInBody() async throws {
        let server = try ReplayServer()
        server.serve(Self.miniLM.interaction, at: Self.pipelineRoute(Self.miniLM.model))
        let client = HFClient.replaying(server)
        let options = EmbeddingOptions(normalize: false, promptName: "query", truncate: true, truncationDirection: .left, dimensions: 128)

        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2, options: options)

        let body = try #require(server.requests.only).bodyText
        #expect(body == #"{"inputs":"Hi, who are you?","normalize":false,"prompt_name":"query","truncate":true,"truncation_direction":"left","dimensions":128}"#)
    }

    @Test("a list is sent as `inputs: [...]`; a reply holding fewer vectors than texts is a decoding error")
    func batchReplyMismatch() async throws {
        let server = try ReplayServer()
        server.serve(Self.miniLM.interaction, at: Self.pipelineRoute(Self.miniLM.model))
        let client = HFClient.replaying(server)

        let error = await #expect(throws: HFError.self) {
            try await client.embeddings.embed(["first", "second"], model: .allMiniLML6v2)
        }
        #expect(try server.requests.only?.jsonObject() as NSDictionary? == ["inputs": ["first", "second"]])
        #expect(error?.category == .decoding)
        #expect(error?.status == 200)
        #expect(error?.requestID == "dQcVrExSwbDQNuIURyPId")
        #expect(error?.message.contains("2 texts were sent but the response holds vectors for 1") == true)
    }

    @Test("batched embedding keeps input order while replies finish out of order, within the concurrency bound")
    func batchedOrder() async throws {
        let server = try ReplayServer(mode: .inOrder)
        // Two different recorded replies, so each row can be traced to the request it answered;
        // the first reply is held back so later batches finish first.
        let replies = [Self.bartNew, Self.bartLegacy, Self.bartNew, Self.bartLegacy, Self.bartNew]
        for (index, fixture) in replies.enumerated() {
            server.serve(fixture.interaction, plan: ResponsePlan(delayBeforeHead: index == 0 ? .milliseconds(400) : .milliseconds(50)))
        }
        let client = HFClient.replaying(server)
        let texts = (0..<5).map { "text \($0)" }

        let embeddings = try await client.embeddings.embedBatched(texts, model: "facebook/bart-base", batchSize: 1, maxConcurrency: 2)

        #expect(embeddings.shape == .tokens([8, 8, 8, 8, 8]))
        let requests = server.requests
        #expect(requests.count == 5)
        for request in requests {
            let inputs = try #require(try request.jsonObject()["inputs"] as? [String])
            let text = try #require(inputs.only)
            let input = try #require(texts.firstIndex(of: text))
            let served = server.rules[try #require(request.ruleIndex)].interaction.response
            let expected = try foundationFloats(server.servedBody(for: served)).values
            let rows = embeddings.rows(forInput: input)
            #expect(Array(embeddings.values[rows.lowerBound * 768 ..< rows.upperBound * 768]).bitPatterns == expected.bitPatterns)
        }
        // A request beyond the first two went out only after an earlier reply had been delivered.
        for (position, request) in requests.enumerated() where position >= 2 {
            let finishedBefore = requests.prefix(position).filter { earlier in
                server.response(to: earlier.index)?.lastBodyByteAt.map { $0 < request.receivedAt } ?? false
            }
            #expect(finishedBefore.count >= position - 1)
        }
    }

    @Test("cancelling a batched call stops its requests")
    func batchedCancellation() async throws {
        let server = try ReplayServer()
        server.serve(Self.bartNew.interaction, at: Self.pipelineRoute("facebook/bart-base"), plan: ResponsePlan(delayBeforeHead: .seconds(30)))
        let client = HFClient.replaying(server)
        let task = Task { try await client.embeddings.embedBatched(["a", "b", "c"], model: "facebook/bart-base", batchSize: 1, maxConcurrency: 3) }
        #expect(await server.waitForRequests(count: 3, timeout: .seconds(10)))
        task.cancel()
        let error = await #expect(throws: HFError.self) { try await task.value }
        #expect(error?.category == .cancelled)
        #expect(await server.waitForDisconnect(count: 3, timeout: .seconds(10)))
    }

    @Test("bad input fails before anything is sent, naming the field")
    func validation() async throws {
        let server = try ReplayServer()
        let client = HFClient.replaying(server)
        let api = client.embeddings
        let many = (0...EmbeddingOptions.defaultMaximumInputsPerRequest).map { "text \($0)" }
        let cases: [(String, () async throws -> Void)] = [
            ("texts", { _ = try await api.embed([String](), model: .allMiniLML6v2) }),
            ("texts", { _ = try await api.embed(many, model: .allMiniLML6v2) }),
            ("batchSize", { _ = try await api.embedBatched(many, model: .allMiniLML6v2, batchSize: 0) }),
            ("batchSize", { _ = try await api.embedBatched(many, model: .allMiniLML6v2, batchSize: 33) }),
            ("maxConcurrency", { _ = try await api.embedBatched(many, model: .allMiniLML6v2, maxConcurrency: 0) }),
            ("promptName", { _ = try await api.embed("x", model: .allMiniLML6v2, options: EmbeddingOptions(promptName: " ")) }),
            ("dimensions", { _ = try await api.embed("x", model: .allMiniLML6v2, options: EmbeddingOptions(dimensions: 0)) }),
            ("maximumInputsPerRequest", { _ = try await api.embed("x", model: .allMiniLML6v2, options: EmbeddingOptions(maximumInputsPerRequest: 0)) }),
            ("model", { _ = try await api.embed("x", model: "not a model id") }),
            ("provider", { _ = try await api.similarity(source: "a", sentences: ["b"], model: "sentence-transformers/all-MiniLM-L6-v2:together") }),
            ("provider", { _ = try await api.embed("x", model: "meta-llama/Llama-3.1-8B-Instruct:groq") }),
            ("sentences", { _ = try await api.similarity(source: "a", sentences: [], model: .allMiniLML6v2) }),
        ]
        for (field, call) in cases {
            let error = await #expect(throws: HFError.self) { try await call() }
            #expect(error?.category == .validation)
            #expect(error?.field == field, "\(error?.message ?? "")")
        }
        let tooMany = await #expect(throws: HFError.self) { try await api.embed(many, model: .allMiniLML6v2) }
        #expect(tooMany?.message.contains("embedBatched") == true)
        #expect(server.requests.isEmpty)
    }

    @Test("a provider suffix resolves through the recorded Hub mapping, which refuses a chat-only provider")
    func providerMappingRefusal() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_sambanova_conversational")
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)

        let pinned = await #expect(throws: HFError.self) {
            try await client.embeddings.embed("x", model: "meta-llama/Llama-3.1-8B-Instruct:sambanova")
        }
        #expect(pinned?.category == .validation)
        #expect(pinned?.message.contains("served by sambanova for conversational, not feature-extraction") == true)
        let policy = await #expect(throws: HFError.self) {
            try await client.embeddings.embed("x", model: "meta-llama/Llama-3.1-8B-Instruct:fastest")
        }
        #expect(policy?.message.contains("no provider this client can call serves meta-llama/Llama-3.1-8B-Instruct for feature-extraction") == true)
        let hub = try #require(server.requests.only)
        #expect(hub.method == "GET")
        #expect(hub.path == "/api/models/meta-llama/Llama-3.1-8B-Instruct")
        #expect(hub.queryValues("expand[]") == ["inferenceProviderMapping"])
    }

    @Test("your own server: TEI's body posted verbatim to its URL")
    func textEmbeddingsInferenceEndpoint() async throws {
        let server = try ReplayServer()
        server.serve(Self.miniLM.interaction, at: Route(method: "POST", host: "tei.internal", path: "/embed"))
        let client = HFClient.replaying(server)
        let endpoint = EmbeddingEndpoint.textEmbeddingsInference(server.url(forHost: "tei.internal").appendingPathComponent("embed"))

        let embeddings = try await client.embeddings.embed("Hi, who are you?", at: endpoint, options: EmbeddingOptions(normalize: true))

        let sent = try #require(server.requests.only)
        #expect(sent.host == "tei.internal" && sent.path == "/embed")
        #expect(sent.bodyText == #"{"inputs":"Hi, who are you?","normalize":true}"#)
        #expect(embeddings.shape == .vector && embeddings.dimension == 384)
    }

    @Test("your own server: OpenAI-compatible route and body, `model` first")
    func openAICompatibleEndpoint() async throws {
        let server = try ReplayServer()
        let client = HFClient.replaying(server)
        let base = server.url(forHost: "gateway.internal").appendingPathComponent("v1")
        let endpoint = EmbeddingEndpoint.openAICompatible(base, model: "BAAI/bge-base-en-v1.5")
        #expect(endpoint.url.path.hasSuffix("/gateway.internal/v1/embeddings"))

        // No OpenAI-style embeddings reply was recorded: the harness answers 599 (no rule), so only
        // the request is checked here; the reply shape is covered by the decoder tests.
        await #expect(throws: HFError.self) { try await client.embeddings.embed(["a", "b"], at: endpoint) }
        let sent = try #require(server.requests.only)
        #expect(sent.method == "POST" && sent.path == "/v1/embeddings")
        #expect(sent.bodyText == #"{"model":"BAAI/bge-base-en-v1.5","input":["a","b"]}"#)
        #expect(EmbeddingEndpoint.openAICompatible(URL(string: "https://api.example.com")!).url.absoluteString == "https://api.example.com/v1/embeddings")
        #expect(EmbeddingEndpoint.openAICompatible(URL(string: "https://api.example.com/v1/embeddings/")!).url.absoluteString == "https://api.example.com/v1/embeddings")
    }

    @Test("OpenAI-style provider routes: deepinfra's differs; a provider unknown to the package gets OpenAI's; a chat-only one none")
    func providerEmbeddingRoutes() throws {
        func url(_ provider: Provider) throws -> String {
            let adapter = try #require(AdapterRegistry.standard.adapter(for: provider, task: .featureExtraction))
            let base = HFConfiguration.inMemory().baseURL(for: provider)
            return adapter.url(base: base, model: TaskModel(asGiven: "m", hubID: "m", providerID: "m")).absoluteString
        }
        #expect(try url(.deepInfra) == "https://router.huggingface.co/deepinfra/v1/openai/embeddings")
        #expect(try url(.together) == "https://router.huggingface.co/together/v1/embeddings")
        #expect(try url("brand-new") == "https://router.huggingface.co/brand-new/v1/embeddings")
        #expect(AdapterRegistry.standard.adapter(for: .cerebras, task: .featureExtraction) == nil)
    }

    @Test("a body cut short (connection closed early, no length) is a decoding error quoting it")
    func truncatedReply() async throws {
        let server = try ReplayServer()
        server.serve(Self.miniLM.interaction, at: Self.pipelineRoute(Self.miniLM.model), plan: ResponsePlan(framing: .untilClose, fault: .truncateAfter(bytes: 1000)))
        let client = HFClient.replaying(server)
        let error = await #expect(throws: HFError.self) { try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2) }
        #expect(error?.category == .decoding)
        #expect(error?.message.contains("the end of the input at byte 1000") == true)
        #expect(error?.bodySnippet?.hasPrefix("[-0.015488003380596638,") == true)
    }
}
