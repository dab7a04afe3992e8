import Foundation
import HFCore

/// The recorded traffic the benchmarks serve, read from `Tests/HFReplay/Recorded` (the bytes are
/// served as recorded; see that folder's ORIGIN.md).
struct Recorded: Sendable {
    /// The recorded fixture case whose bodies the chat rows send and serve.
    static let chatCase = "TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational"
    static let streamCase = "TestInferenceClient.test_chat_completion_with_stream_cerebras_conversational"
    static let embeddingCase = "legacy.InferenceClientVCRTest.test_feature_extraction_with_sentence_transformers"

    /// A chat completion request body as the official client sent it.
    let chatRequest: Data
    /// The chat completion the server answered it with.
    let chatResponse: Data
    /// A recorded `text/event-stream` chat completion.
    let chatStream: Data
    /// A recorded feature-extraction response: one sentence embedding as a JSON array.
    let embedding: Data

    init(folder: URL) throws {
        let chat = try Self.interaction(Self.chatCase, index: 1, in: folder)
        chatRequest = chat.request
        chatResponse = chat.response
        chatStream = try Self.interaction(Self.streamCase, index: 1, in: folder).response
        embedding = try Self.interaction(Self.embeddingCase, index: 0, in: folder).response
    }

    /// The request and response bodies of one interaction of a fixture file.
    private static func interaction(_ name: String, index: Int, in folder: URL) throws -> (request: Data, response: Data) {
        let file = folder.appendingPathComponent(name + ".json")
        let fixture = try JSONValue(parsing: Data(contentsOf: file))
        guard let interactions = fixture["interactions"]?.arrayValue, interactions.indices.contains(index),
              let response = interactions[index]["response"]?["body"]?.stringValue
        else { throw BenchError("\(file.path) has no text response at interaction \(index)") }
        let request = interactions[index]["request"]?["body"]?.stringValue ?? ""
        return (Data(request.utf8), Data(response.utf8))
    }
}
