import Foundation
import HFEmbeddings
import HFTestSupport
import Testing

/// What a real llama.cpp server answers on `/v1/embeddings` for a model without pooling: OpenAI's
/// object, but each `embedding` a list of token vectors (Fixtures/ORIGIN.md).
@Suite struct LlamaCppEmbeddingsTests {
    static let body = try! Fixture.data("llamacpp-embeddings-token-level.json")

    @Test("token vectors inside `data[].embedding` are read as token-level output, each text owning its rows")
    func tokenLevelData() throws {
        let embeddings = try EmbeddingsDecoder.decode(Self.body)
        #expect(embeddings.shape == .tokens([8, 2]))
        #expect(embeddings.dimension == 64)
        #expect(embeddings.count == 10)
        #expect(embeddings[0][0] == Float(-0.8309231996536255))
        #expect(embeddings.values.allSatisfy { $0.isFinite })
    }

    @Test("items out of `index` order are put back in order, token rows and all")
    func tokenLevelReordered() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Self.body) as? [String: Any])
        let items = try #require(json["data"] as? [[String: Any]])
        let swapped = try JSONSerialization.data(withJSONObject: ["object": "list", "data": Array(items.reversed())])
        let inOrder = try EmbeddingsDecoder.decode(Self.body)
        let reordered = try EmbeddingsDecoder.decode(swapped)
        #expect(reordered.shape == .tokens([8, 2]))
        #expect(reordered.values == inOrder.values)
    }

    @Test("`data` mixing single vectors and token lists is a decoding error")
    func mixedItems() {
        let mixed = Data(#"{"data": [{"embedding": [1, 2], "index": 0}, {"embedding": [[1, 2]], "index": 1}]}"#.utf8)
        #expect(throws: HFError.self) { try EmbeddingsDecoder.decode(mixed) }
    }
}
