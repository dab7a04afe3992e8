import HFCore

// Hand-written decoding straight from the reply's bytes with `JSONReader`, the hot path of
// `chat(_:)`: the same fields by the same rules as the `Decodable` conformances (tests check that
// both agree on every recorded reply) at a fraction of `JSONDecoder`'s cost. A member that is
// required there (`choices`, `message`, `function`, `name`, a logprob's `token` and `logprob`)
// is required here; a value of the wrong type fails in both.

extension ChatCompletion: JSONReadable {
    /// Reads a reply straight from JSON bytes, by the same rules as `Decodable`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var choices: [Choice]?
        let header = try ReplyHeaderMembers(reading: &reader) { reader, key throws(JSONDecodingError) in
            guard case "choices" = key else { return false }
            choices = try reader.decodeArray(of: Choice.self)
            return true
        }
        self.init(
            id: header.id, object: header.object, created: header.created, model: header.model,
            systemFingerprint: header.systemFingerprint, choices: try choices.required("choices", "an array"), usage: header.usage
        )
    }
}

extension ChatCompletion.Choice: JSONReadable {
    /// Reads a choice straight from JSON bytes, by the same rules as `Decodable`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var index: Int?, message: ChatCompletion.Message?, finishReason: FinishReason?, logprobs: ChatLogprobs?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "index": index = try reader.decodeInt()
            case "message": message = try reader.decode(ChatCompletion.Message.self)
            case "finish_reason": finishReason = try reader.decodeString().map(FinishReason.init(rawValue:))
            case "logprobs": logprobs = try reader.decode(ChatLogprobs.self)
            default: return false
            }
            return true
        }
        self.init(index: index, message: try message.required("message", "an object"), finishReason: finishReason, logprobs: logprobs)
    }
}

extension ChatCompletion.Message: JSONReadable {
    /// Reads a message straight from JSON bytes, by the same rules as `Decodable`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var toolCalls: [ToolCall]?
        let members = try MessageMembers(reading: &reader) { reader throws(JSONDecodingError) in toolCalls = try reader.decodeArray(of: ToolCall.self) }
        self.init(role: members.role, content: members.content, reasoning: try members.reasoning(), toolCalls: toolCalls)
    }
}

extension ToolCall: JSONReadable {
    /// Reads a tool call straight from JSON bytes, by the same rules as `Decodable`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var id: JSONValue?, type: String?, function: FunctionCall?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "id": id = try reader.decodeValue()
            case "type": type = try reader.decodeString()
            case "function": function = try reader.decode(FunctionCall.self)
            default: return false
            }
            return true
        }
        self.init(id: id?.textValue ?? "", type: type ?? "function", function: try function.required("function", "an object"))
    }
}

extension FunctionCall: JSONReadable {
    /// Reads a function call straight from JSON bytes, by the same rules as `Decodable`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var name: String?, arguments: JSONValue?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "name": name = try reader.decodeString()
            case "arguments": arguments = try reader.decodeValue()
            default: return false
            }
            return true
        }
        self.init(name: try name.required("name", "a string"), arguments: arguments?.textValue ?? "")
    }
}

extension TokenUsage: JSONReadable {
    /// Reads token counts straight from JSON bytes, by the same rules as `Decodable`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var prompt: Int?, completion: Int?, total: Int?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "prompt_tokens": prompt = try reader.decodeInt()
            case "completion_tokens": completion = try reader.decodeInt()
            case "total_tokens": total = try reader.decodeInt()
            default: return false
            }
            return true
        }
        self.init(promptTokens: prompt, completionTokens: completion, totalTokens: total)
    }
}

extension ChatLogprobs: JSONReadable {
    /// Reads log-probabilities straight from JSON bytes, by the same rules as `Decodable`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var content: [TokenLogprob]?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            guard key == "content" else { return false }
            content = try reader.decodeArray(of: TokenLogprob.self)
            return true
        }
        self.init(content: content)
    }
}

extension ChatLogprobs.TokenLogprob: JSONReadable {
    /// Reads a token's log-probability straight from JSON bytes, by the same rules as `Decodable`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var token: String?, logprob: Double?, top: [ChatLogprobs.TopLogprob]?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "token": token = try reader.decodeString()
            case "logprob": logprob = try reader.decodeDouble()
            case "top_logprobs": top = try reader.decodeArray(of: ChatLogprobs.TopLogprob.self)
            default: return false
            }
            return true
        }
        self.init(token: try token.required("token", "a string"), logprob: try logprob.required("logprob", "a number"), topLogprobs: top)
    }
}

extension ChatLogprobs.TopLogprob: JSONReadable {
    /// Reads an alternative token's log-probability straight from JSON bytes, by the same rules as `Decodable`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var token: String?, logprob: Double?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "token": token = try reader.decodeString()
            case "logprob": logprob = try reader.decodeDouble()
            default: return false
            }
            return true
        }
        self.init(token: try token.required("token", "a string"), logprob: try logprob.required("logprob", "a number"))
    }
}
