import HFCore
import HFInference

// Chunks encode to the shape they are read from, written by the same code as replies
// (`ReplyEncoding.swift` in HFInference), so a proxy can relay a stream event by event.

/// Writes the chunk as the `data` of a server-sent event.
///
/// ```swift
/// for try await chunk in try client.inference.chatStream(request) {
///     let event = try JSONEncoder().encode(chunk)   // relay as "data: \(event)\n\n"
/// }
/// ```
extension ChatCompletionChunk: Encodable, EncodableReply {}

extension ChatCompletionChunk.Choice: Encodable, EncodableChoice {
    package static var bodyKey: String { "delta" }
    package var body: ChatCompletionChunk.Delta { delta }
}

extension ChatCompletionChunk.Delta: Encodable, EncodableMessage {}
