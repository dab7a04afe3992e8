import HFCore

// The writing half of the wire shape a chat reply and a stream chunk share, as `ReplyHeaderMembers`
// and `MessageMembers` are the reading half: a reply and a chunk, their choices, and a message and
// a delta, conform to these and are written by the one `encode(to:)` each gives, so they encode
// alike. `nil` members are left out.

/// A reply or a chunk: `id`, `object`, `created`, `model`, `system_fingerprint`, `choices`, `usage`.
package protocol EncodableReply: Encodable {
    associatedtype ReplyChoice: Encodable
    var id: String? { get }
    var object: String? { get }
    var created: Int? { get }
    var model: String? { get }
    var systemFingerprint: String? { get }
    var choices: [ReplyChoice] { get }
    var usage: TokenUsage? { get }
}

extension EncodableReply {
    public func encode(to encoder: any Encoder) throws {
        try write([
            "id": id, "object": object, "created": created, "model": model,
            "system_fingerprint": systemFingerprint, "choices": choices, "usage": usage,
        ], to: encoder)
    }
}

/// A choice: `index`, its message under ``bodyKey`` (`message` or `delta`), `finish_reason`, `logprobs`.
package protocol EncodableChoice: Encodable {
    associatedtype Body: Encodable
    static var bodyKey: String { get }
    var index: Int? { get }
    var body: Body { get }
    var finishReason: FinishReason? { get }
    var logprobs: ChatLogprobs? { get }
}

extension EncodableChoice {
    public func encode(to encoder: any Encoder) throws {
        try write(["index": index, Self.bodyKey: body, "finish_reason": finishReason, "logprobs": logprobs], to: encoder)
    }
}

/// A message or a delta: `role`, `content`, `reasoning` (the name OpenAI-style servers read; a
/// `reasoning_content` that came in goes out under this name), `tool_calls`.
package protocol EncodableMessage: Encodable {
    associatedtype Call: Encodable
    var role: ChatRole? { get }
    var content: String? { get }
    var reasoning: String? { get }
    var toolCalls: [Call]? { get }
}

extension EncodableMessage {
    public func encode(to encoder: any Encoder) throws {
        try write(["role": role, "content": content, "reasoning": reasoning, "tool_calls": toolCalls], to: encoder)
    }
}

/// Writes `members` in order as an object, leaving out the `nil` ones.
private func write(_ members: KeyValuePairs<String, (any Encodable)?>, to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: AnyCodingKey.self)
    for case let (key, value?) in members {
        try container.encode(value, forKey: AnyCodingKey(key))
    }
}
