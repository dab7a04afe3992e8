import Foundation
import HFFull
import Testing

extension EndToEndTests {
    @Suite("Embeddings") struct EmbeddingsOverOpenAIRoute {
        let client = HFClient()

        @Test("/v1/embeddings through EmbeddingEndpoint.openAICompatible: token-level rows per text, as the server sends them")
        func tokenLevel() async throws {
            let endpoint = EmbeddingEndpoint.openAICompatible(try #require(EndToEndServer.baseURL), model: EndToEndServer.embeddingModel)
            #expect(endpoint.url.path.hasSuffix("/v1/embeddings"))
            let texts = ["hello world", "a", "the quiet river"]
            let embeddings = try await client.embeddings.embed(texts, at: endpoint)

            // No pooling on this model: one 64-wide row per token, the BOS token included.
            guard case .tokens(let counts) = embeddings.shape else {
                Issue.record("expected token-level rows, got \(embeddings.shape)")
                return
            }
            #expect(counts.count == 3)
            #expect(counts.allSatisfy { $0 >= 2 })
            #expect(embeddings.dimension == 64)
            #expect(embeddings.values.allSatisfy { $0.isFinite })

            // Sent alone, a text has as many rows as among others. (Not the same values: the server,
            // llama-cpp-python 0.3.36, shifts a batch's later token rows in its own JSON.)
            let alone = try await client.embeddings.embed("a", at: endpoint)
            #expect(alone.shape == .tokens([counts[1]]))
            #expect(alone.count == counts[1])

            let pooled = embeddings.meanPooled()
            #expect(pooled.shape == .matrix && pooled.count == 3)
        }
    }
}
