import Foundation
import HFCore

/// Our side of each row: the one place where the library's products plug in. A row whose product
/// has not landed yet is `nil` here, and the report says "not measured yet" for it (never a number
/// from a stand-in).
enum Ours {
    /// B1, B4, B6: one chat completion through the client, from request to decoded reply.
    ///
    /// HFCore alone for now: the request body encoded by `makeJSONRequest`, sent with `send`, the
    /// reply decoded with `client.decode` into the same `Decodable` mirror the URLSession baseline
    /// uses. Once HFInference lands this becomes
    /// `client.inference.chat(ChatCompletionRequest(…), via: .endpoint(endpoint))`.
    static func chat(_ client: HFClient, endpoint: URL, request: ChatRequestMirror) async throws -> String? {
        let url = endpoint.appendingPathComponent("v1/chat/completions")
        let response = try await client.send(try client.makeJSONRequest(url: url, body: request))
        return try client.decode(ChatCompletionMirror.self, from: response).choices.first?.message?.content
    }

    /// B2 (and B6's stream): streams the chat completion `endpoint` serves through `client`,
    /// calling `onChunk` as each decoded chunk is handed to the caller; returns how many chunks.
    /// Plugs in with HFStreaming's `client.inference.chatStream(…, via: .endpoint(endpoint))`.
    static let chatStream: (@Sendable (_ client: HFClient, _ endpoint: URL, _ request: ChatRequestMirror, _ onChunk: @Sendable () -> Void) async throws -> Int)? = nil

    /// B3: every float of a feature-extraction response, row after row.
    /// Plugs in with HFEmbeddings' `EmbeddingsDecoder.decode(body).values`.
    static let decodeEmbeddings: (@Sendable (_ body: Data) throws -> [Float])? = nil

    /// B5: given the stored vectors (row after row, `dimension` floats each; untimed, so it may
    /// build an index), a query function returning the indices of the `k` stored vectors most
    /// cosine-similar to `query`, best first (timed). Plugs in with HFSimilarity.
    static let topK: (@Sendable (_ stored: [Float], _ dimension: Int) -> @Sendable (_ query: [Float], _ k: Int) -> [Int])? = nil
}
