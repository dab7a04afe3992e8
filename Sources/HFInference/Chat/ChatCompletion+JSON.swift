@_spi(JSONReader) import HFJSON
import HFCore

// The one description of a chat reply's wire shape: read straight from the reply's bytes with
// `JSONReader`, the hot path of `chat(_:)`, at a fraction of `JSONDecoder`'s cost. The rules are
// `Decodable`'s: a missing member and `null` read as `nil`, a value of the wrong type fails, and
// `choices`, `message`, `function`, `name`, a logprob's `token` and `logprob` are required. The
// `Decodable` conformances (for a caller's own decoder) read through the same code.

extension ChatCompletion: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ChatCompletion: JSONReadable {
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

extension ChatCompletion.Choice: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ChatCompletion.Choice: JSONReadable {
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

extension ChatCompletion.Message: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ChatCompletion.Message: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var toolCalls: [ToolCall]?
        let members = try MessageMembers(reading: &reader) { reader throws(JSONDecodingError) in toolCalls = try reader.decodeArray(of: ToolCall.self) }
        self.init(role: members.role, content: members.content, reasoning: try members.reasoning(), toolCalls: toolCalls)
    }
}

extension ToolCall: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ToolCall: JSONReadable {
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

extension FunctionCall: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension FunctionCall: JSONReadable {
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

extension TokenUsage: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension TokenUsage: JSONReadable {
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

extension ChatLogprobs: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ChatLogprobs: JSONReadable {
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

extension ChatLogprobs.TokenLogprob: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ChatLogprobs.TokenLogprob: JSONReadable {
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

extension ChatLogprobs.TopLogprob: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ChatLogprobs.TopLogprob: JSONReadable {
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
