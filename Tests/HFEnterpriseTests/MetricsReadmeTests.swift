import HFEmbeddings
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The README's metrics and cache section, run over recorded traffic.
@Suite("Metrics README")
struct MetricsReadmeTests {
    @Test("the README's metrics and cache snippet runs: the repeated call is served from the cache, both calls are measured")
    func readme() async throws {
        let server = try Recorded.embeddingsServer()
        let configuration = HFConfiguration.replaying(server)

        // README metrics begins
        let recorder = MetricsRecorder()
        let cache = ResponseCache(maximumEntries: 10_000, timeToLive: .seconds(3600))
        let client = HFClient(configuration: configuration, middleware: [
            MetricsMiddleware(recorder: recorder),  // first: calls answered by the cache count too
            CacheMiddleware(cache: cache),          // embeddings; chat only with cachingDeterministicChat
        ])
        for _ in 1...2 {
            _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
        }
        let embeddings = recorder.snapshot().summary(for: .embeddings)
        print(embeddings.requests, embeddings.latency.p95 ?? .zero, embeddings.errorRate, embeddings.bytesReceived)
        print(cache.statistics.hits, cache.statistics.misses)  // 1 1: the second call never left the process
        // README metrics ends

        #expect(server.requests.count == 1)
        #expect(embeddings.requests == 2 && embeddings.bytesReceived == 2 * Recorded.miniLM.response.body.count)
        #expect(cache.statistics.hits == 1 && cache.statistics.misses == 1)
    }
}
