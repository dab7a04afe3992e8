import Foundation
import HFEmbeddings
import HFInference
import HFReplay
import HFStreaming
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The cache middleware over recorded traffic: which calls are answered without the server
/// (`server.requests` counts what reached it), and which never are.
@Suite("Cache middleware")
struct CacheMiddlewareTests {
    static func chatServer() throws -> ReplayServer {
        try ReplayServer(case: RecordedCase.load(Recorded.chat))
    }

    static func chat(_ client: HFClient, seed: Int? = nil, temperature: Double? = nil) async throws -> ChatCompletion {
        try await client.inference.chat(
            ChatCompletionRequest(model: .llama3_1_8BInstruct, messages: [.user("What is deep learning?")], seed: seed, temperature: temperature),
            via: .provider(.hfInference)
        )
    }

    @Test("the second identical embeddings call does not reach the server and returns the same vectors; another text does")
    func embeddings() async throws {
        let server = try Recorded.embeddingsServer()
        let cache = ResponseCache()
        let client = HFClient.replaying(server, middleware: [CacheMiddleware(cache: cache)])

        let first = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        let second = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        #expect(server.requests.count == 1)
        #expect(first.values == second.values && !first.values.isEmpty)
        _ = try await client.embeddings.embed("Something else", model: .allMiniLML6v2)
        #expect(server.requests.count == 2)
        #expect(cache.statistics.hits == 1 && cache.statistics.misses == 2 && cache.statistics.entries == 2)
    }

    @Test("sentence similarity is cached")
    func similarity() async throws {
        let interaction = try RecordedCase.load("TestInferenceClient.test_sentence_similarity_hf-inference_sentence-similarity").interactions.last!
        let server = try ReplayServer()
        server.serve(interaction, at: Route(method: "POST", host: "router.huggingface.co", path: "/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity"))
        let client = HFClient.replaying(server, middleware: [CacheMiddleware(cache: ResponseCache())])
        let sentences = ["Deep learning is so straightforward.", "This is so difficult, like rocket science.", "I can't believe how much I struggled with this."]
        var scores: [[Double]] = []
        for _ in 0..<2 {
            scores.append(try await client.embeddings.similarity(source: "Machine learning is so easy.", sentences: sentences, model: .allMiniLML6v2))
        }
        #expect(server.requests.count == 1)
        #expect(scores[0] == scores[1])
    }

    @Test("chat: with a seed only when the caller opts in; temperature 0 when opted in; temperature 0.7 or no setting never")
    func chatPolicy() async throws {
        for (optIn, seed, temperature, reached) in [
            (false, 42, nil, 2), (true, 42, nil, 1), (true, nil, 0.0, 1), (true, nil, 0.7, 2), (true, nil, nil, 2), (false, nil, 0.0, 2),
        ] as [(Bool, Int?, Double?, Int)] {
            let server = try Self.chatServer()
            let client = HFClient.replaying(server, middleware: [CacheMiddleware(cache: ResponseCache(), cachingDeterministicChat: optIn)])
            let first = try await Self.chat(client, seed: seed, temperature: temperature)
            let second = try await Self.chat(client, seed: seed, temperature: temperature)
            #expect(server.requests.count == reached, "opt-in \(optIn), seed \(seed ?? -1), temperature \(temperature ?? -1)")
            #expect(first.choices.first?.message.content == second.choices.first?.message.content)
        }
    }

    @Test("errors are never cached: after a 503, the same call reaches the server again and only its success is kept")
    func errorsNotCached() async throws {
        let server = try Recorded.embeddingsServer(plans: [.status(503, body: .empty), .status(429, headers: ["Retry-After": "1"]), nil, nil])
        let cache = ResponseCache()
        let client = HFClient.replaying(server, middleware: [CacheMiddleware(cache: cache)])
        for expected in [HFError.Category.modelUnavailable, .rateLimited] {
            let error = await #expect(throws: HFError.self) { try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2) }
            #expect(error?.category == expected)
        }
        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        #expect(server.requests.count == 3)
        #expect(cache.statistics.insertions == 1 && cache.statistics.hits == 1)
    }

    @Test("streams are never cached, even a seeded chat with caching opted in")
    func streamsNotCached() async throws {
        let server = try ReplayServer(case: RecordedCase.load(Recorded.chatStream))
        let cache = ResponseCache()
        let client = HFClient.replaying(server, middleware: [CacheMiddleware(cache: cache, cachingDeterministicChat: true)])
        let request = ChatCompletionRequest(model: .llama3_1_8BInstruct, messages: [.user("Count to 10")], maxTokens: 20, seed: 7, temperature: 0)
        for _ in 0..<2 { _ = try await client.inference.chatStream(request, via: .provider(.hfInference)).collectText() }
        #expect(server.requests.count == 2)
        #expect(cache.statistics == CacheStatistics())
    }

    @Test("an entry expires by the injected clock: after its time to live the call reaches the server again")
    func expiry() async throws {
        let server = try Recorded.embeddingsServer()
        let clock = ManualClock()
        let cache = ResponseCache(timeToLive: .seconds(60), clock: clock)
        let client = HFClient.replaying(server, middleware: [CacheMiddleware(cache: cache)])
        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        clock.advance(by: .seconds(59))
        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        #expect(server.requests.count == 1)
        clock.advance(by: .seconds(1))
        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        #expect(server.requests.count == 2)
        #expect(cache.statistics.expirations == 1 && cache.statistics.hits == 1 && cache.statistics.misses == 2)
    }

    @Test("two clients with different tokens sharing a cache: separate partitions by default, shared only when given the same one")
    func accounts() async throws {
        let server = try Recorded.embeddingsServer()
        let cache = ResponseCache()
        let alice = HFClient.replaying(server, token: testToken, middleware: [CacheMiddleware(cache: cache)])
        let bob = HFClient.replaying(server, token: "hf_BOBtoken0123456789abcdefghijklmnopq", middleware: [CacheMiddleware(cache: cache)])
        _ = try await alice.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        _ = try await bob.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        #expect(server.requests.count == 2)
        #expect(server.requests.map { $0.header("Authorization") } == ["Bearer \(testToken)", "Bearer hf_BOBtoken0123456789abcdefghijklmnopq"])

        let team = [CacheMiddleware(cache: cache, partition: "team")]
        let first = HFClient.replaying(server, token: testToken, middleware: team)
        let second = HFClient.replaying(server, token: "hf_OTHERtoken0123456789abcdefghijklmno", middleware: team)
        _ = try await first.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        _ = try await second.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        #expect(server.requests.count == 3)
    }
}
