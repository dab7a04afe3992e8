import HFCore

// Replies encode to the shape they are read from (see `ChatCompletion+JSON.swift`), so a reply can
// be stored, cached or passed on by a proxy and read back equal. Members the types do not model
// (a provider's timing and filter reports, `refusal`, `service_tier`…) were dropped when reading
// and are not written; `null` members are left out.

extension ChatCompletion: Encodable {
    /// Writes the reply as a server sends it.
    ///
    /// ```swift
    /// let stored = try JSONEncoder().encode(completion)
    /// let restored = try JSONDecoder().decode(ChatCompletion.self, from: stored)   // == completion
    /// ```
    public func encode(to encoder: any Encoder) throws {
        try ReplyEncoding.reply(
            encoder, id: id, object: object, created: created, model: model,
            systemFingerprint: systemFingerprint, choices: choices, usage: usage
        )
    }
}

extension ChatCompletion.Choice: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try ReplyEncoding.choice(encoder, index: index, bodyKey: "message", body: message, finishReason: finishReason, logprobs: logprobs)
    }
}

extension ChatCompletion.Message: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try ReplyEncoding.message(encoder, role: role, content: content, reasoning: reasoning, toolCalls: toolCalls)
    }
}
