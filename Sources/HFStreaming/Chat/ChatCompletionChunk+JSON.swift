import HFCore
import HFInference

// Hand-written decoding from a parsed `JSONValue`, the streaming hot path: it reads the same
// fields with the same rules as the `Decodable` conformances (tests check that both agree on every
// recorded stream) at a fraction of Foundation's per-event cost.

extension ChatCompletionChunk {
    /// Decodes a chunk from parsed JSON.
    package init(json: JSONValue) throws(JSONShapeError) {
        let fields = try JSONFields(json)
        self.init(
            id: try fields.string("id"),
            object: try fields.string("object"),
            created: try fields.int("created"),
            model: try fields.string("model"),
            systemFingerprint: try fields.string("system_fingerprint"),
            choices: try fields.array("choices") { value throws(JSONShapeError) in try Choice(json: value) } ?? [],
            usage: try fields.nested("usage") { value throws(JSONShapeError) in try TokenUsage(json: value) }
        )
    }
}

extension ChatCompletionChunk.Choice {
    init(json: JSONValue) throws(JSONShapeError) {
        let fields = try JSONFields(json)
        self.init(
            index: try fields.int("index"),
            delta: try fields.nested("delta") { value throws(JSONShapeError) in try ChatCompletionChunk.Delta(json: value) } ?? ChatCompletionChunk.Delta(),
            finishReason: try fields.string("finish_reason").map(FinishReason.init(rawValue:)),
            logprobs: try fields.nested("logprobs") { value throws(JSONShapeError) in try ChatLogprobs(json: value) }
        )
    }
}

extension ChatCompletionChunk.Delta {
    init(json: JSONValue) throws(JSONShapeError) {
        let fields = try JSONFields(json)
        var reasoning = try fields.string("reasoning")
        if reasoning == nil { reasoning = try fields.string("reasoning_content") }
        self.init(
            role: try fields.string("role").map(ChatRole.init(rawValue:)),
            content: try fields.string("content"),
            reasoning: reasoning,
            toolCalls: try fields.array("tool_calls") { value throws(JSONShapeError) in try ToolCallDelta(json: value) }
        )
    }
}

extension ToolCallDelta {
    init(json: JSONValue) throws(JSONShapeError) {
        let fields = try JSONFields(json)
        self.init(
            index: try fields.int("index"),
            id: fields.value("id").flatMap(Self.text),
            type: try fields.string("type"),
            function: try fields.nested("function") { value throws(JSONShapeError) in
                let function = try JSONFields(value)
                return Function(name: try function.string("name"), arguments: function.value("arguments").flatMap(Self.text))
            }
        )
    }
}

extension TokenUsage {
    init(json: JSONValue) throws(JSONShapeError) {
        let fields = try JSONFields(json)
        self.init(
            promptTokens: try fields.int("prompt_tokens"),
            completionTokens: try fields.int("completion_tokens"),
            totalTokens: try fields.int("total_tokens")
        )
    }
}

extension ChatLogprobs {
    init(json: JSONValue) throws(JSONShapeError) {
        let fields = try JSONFields(json)
        self.init(content: try fields.array("content") { value throws(JSONShapeError) in
            let token = try JSONFields(value)
            guard let text = try token.string("token") else { throw JSONShapeError(path: "token", expected: "a string") }
            guard let logprob = try token.double("logprob") else { throw JSONShapeError(path: "logprob", expected: "a number") }
            let top = try token.array("top_logprobs") { value throws(JSONShapeError) in
                let alternative = try JSONFields(value)
                guard let text = try alternative.string("token") else { throw JSONShapeError(path: "token", expected: "a string") }
                guard let logprob = try alternative.double("logprob") else { throw JSONShapeError(path: "logprob", expected: "a number") }
                return TopLogprob(token: text, logprob: logprob)
            }
            return TokenLogprob(token: text, logprob: logprob, topLogprobs: top)
        })
    }
}
