import HFCore

/// The writing half of the wire shape a chat reply and a stream chunk share, as
/// ``ReplyHeaderMembers`` and ``MessageMembers`` are the reading half: one place writes the
/// members both have, so a reply and a chunk encode alike.
package enum ReplyEncoding {
    /// `id`, `object`, `created`, `model`, `system_fingerprint`, `choices` and `usage`; `nil` members
    /// are left out.
    package static func reply(
        _ encoder: any Encoder, id: String?, object: String?, created: Int?, model: String?,
        systemFingerprint: String?, choices: some Encodable, usage: TokenUsage?
    ) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(id, forKey: AnyCodingKey("id"))
        try container.encodeIfPresent(object, forKey: AnyCodingKey("object"))
        try container.encodeIfPresent(created, forKey: AnyCodingKey("created"))
        try container.encodeIfPresent(model, forKey: AnyCodingKey("model"))
        try container.encodeIfPresent(systemFingerprint, forKey: AnyCodingKey("system_fingerprint"))
        try container.encode(choices, forKey: AnyCodingKey("choices"))
        try container.encodeIfPresent(usage, forKey: AnyCodingKey("usage"))
    }

    /// A choice: `index`, its message under `bodyKey` (`message` or `delta`), `finish_reason`, `logprobs`.
    package static func choice(
        _ encoder: any Encoder, index: Int?, bodyKey: String, body: some Encodable, finishReason: FinishReason?, logprobs: ChatLogprobs?
    ) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(index, forKey: AnyCodingKey("index"))
        try container.encode(body, forKey: AnyCodingKey(bodyKey))
        try container.encodeIfPresent(finishReason, forKey: AnyCodingKey("finish_reason"))
        try container.encodeIfPresent(logprobs, forKey: AnyCodingKey("logprobs"))
    }

    /// A message or delta: `role`, `content`, `reasoning` (the name OpenAI-style servers read; a
    /// `reasoning_content` that came in goes out under this name), `tool_calls`.
    package static func message(
        _ encoder: any Encoder, role: ChatRole?, content: String?, reasoning: String?, toolCalls: (some Encodable)?
    ) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(role, forKey: AnyCodingKey("role"))
        try container.encodeIfPresent(content, forKey: AnyCodingKey("content"))
        try container.encodeIfPresent(reasoning, forKey: AnyCodingKey("reasoning"))
        try container.encodeIfPresent(toolCalls, forKey: AnyCodingKey("tool_calls"))
    }
}
