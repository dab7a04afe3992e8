import Foundation
import HFCore
import HFEmbeddings
import HFInference
import HFSimilarity
import HFStreaming

/// Our side of each row: the one place where the library's products are called, one function per
/// row. Everything else in the benchmark is measurement and baselines.
enum Ours {
    /// B1, B4, B6: one chat completion, from request to decoded reply (HFInference).
    static func chat(_ client: HFClient, endpoint: URL, request: ChatRequestMirror) async throws -> String? {
        try await client.inference.chat(request.product, via: .endpoint(endpoint)).text
    }

    /// B2, B6: streams the chat completion `endpoint` serves, calling `onChunk` as each decoded
    /// chunk is handed over (HFStreaming). Returns how many chunks.
    static func chatStream(_ client: HFClient, endpoint: URL, request: ChatRequestMirror, onChunk: () -> Void) async throws -> Int {
        var count = 0
        for try await _ in try client.inference.chatStream(request.product, via: .endpoint(endpoint)) {
            onChunk()
            count += 1
        }
        return count
    }

    /// B3: every float of a feature-extraction response, row after row (HFEmbeddings).
    static func decodeEmbeddings(_ body: Data) throws -> [Float] {
        try EmbeddingsDecoder.decode(body).values
    }

    /// B5: given the stored vectors (row after row; untimed, so it may build an index), a query
    /// function returning the indices of the `k` stored vectors most cosine-similar to `query`,
    /// best first (timed) (HFSimilarity).
    static func topK(stored: [Float], dimension: Int) throws -> (_ query: [Float], _ k: Int) throws -> [Int] {
        let index = try VectorIndex(Embeddings(values: stored, dimension: dimension))
        return { query, k in try index.search(query, k: k).map(\.index) }
    }
}

extension ChatRequestMirror {
    /// The same request as HFInference's type.
    var product: ChatCompletionRequest {
        ChatCompletionRequest(model: ModelID(rawValue: model), messages: messages.map { message in
            ChatMessage(role: ChatRole(rawValue: message.role), content: .text(message.content))
        })
    }
}
