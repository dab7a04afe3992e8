import HFCore
import HFInference

// Chunks encode to the shape they are read from, with the members a reply has written by the same
// code (`ReplyEncoding`), so a proxy can relay a stream event by event.

extension ChatCompletionChunk: Encodable {
    /// Writes the chunk as the `data` of a server-sent event.
    ///
    /// ```swift
    /// for try await chunk in try client.inference.chatStream(request) {
    ///     let event = try JSONEncoder().encode(chunk)   // relay as "data: \(event)\n\n"
    /// }
    /// ```
    public func encode(to encoder: any Encoder) throws {
        try ReplyEncoding.reply(
            encoder, id: id, object: object, created: created, model: model,
            systemFingerprint: systemFingerprint, choices: choices, usage: usage
        )
    }
}

extension ChatCompletionChunk.Choice: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try ReplyEncoding.choice(encoder, index: index, bodyKey: "delta", body: delta, finishReason: finishReason, logprobs: logprobs)
    }
}

extension ChatCompletionChunk.Delta: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try ReplyEncoding.message(encoder, role: role, content: content, reasoning: reasoning, toolCalls: toolCalls)
    }
}
