@_spi(JSONReader) import HFJSON
import HFCore
import HFInference

// The one description of a stream chunk's wire shape: read straight from an event's bytes with
// `JSONReader`, the streaming hot path, at a fraction of Foundation's per-event cost and with no
// `JSONValue` tree. The rules are `Decodable`'s (a missing member and `null` read as `nil`, a value
// of the wrong type fails), and the `Decodable` conformances read through the same code. An event
// whose `error` member is set is refused, so the stream reads it again as the error the server
// reports.

extension ChatCompletionChunk: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ChatCompletionChunk: JSONReadable {
    /// An event whose `error` member is set (a server failing mid-stream) is refused with a shape
    /// error at `error`.
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var choices: [Choice]?
        let header = try ReplyHeaderMembers(reading: &reader) { reader, key throws(JSONDecodingError) in
            switch key {
            case "choices": choices = try reader.decodeArray(of: Choice.self)
            case "error": try reader.refuseReportedError()
            default: return false
            }
            return true
        }
        self.init(
            id: header.id, object: header.object, created: header.created, model: header.model,
            systemFingerprint: header.systemFingerprint, choices: choices ?? [], usage: header.usage
        )
    }
}

extension ChatCompletionChunk.Choice: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ChatCompletionChunk.Choice: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var index: Int?, delta: ChatCompletionChunk.Delta?, finishReason: FinishReason?, logprobs: ChatLogprobs?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "delta": delta = try reader.decode(ChatCompletionChunk.Delta.self)
            case "index": index = try reader.decodeInt()
            case "finish_reason": finishReason = try reader.decodeString().map(FinishReason.init(rawValue:))
            case "logprobs": logprobs = try reader.decode(ChatLogprobs.self)
            default: return false
            }
            return true
        }
        self.init(index: index, delta: delta ?? ChatCompletionChunk.Delta(), finishReason: finishReason, logprobs: logprobs)
    }
}

extension ChatCompletionChunk.Delta: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ChatCompletionChunk.Delta: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var toolCalls: [ToolCallDelta]?
        let members = try MessageMembers(reading: &reader) { reader throws(JSONDecodingError) in toolCalls = try reader.decodeArray(of: ToolCallDelta.self) }
        self.init(role: members.role, content: members.content, reasoning: try members.reasoning(), toolCalls: toolCalls)
    }
}

extension ToolCallDelta: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ToolCallDelta: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var index: Int?, id: String?, type: String?, function: Function?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "index": index = try reader.decodeInt()
            case "id": id = try reader.decodeValue().flatMap(Self.text)
            case "type": type = try reader.decodeString()
            case "function": function = try reader.decode(Function.self)
            default: return false
            }
            return true
        }
        self.init(index: index, id: id, type: type, function: function)
    }
}

extension ToolCallDelta.Function: Decodable {
    /// Decodes through the reader below: the type is described once.
    public init(from decoder: any Decoder) throws {
        try self.init(bridging: decoder)
    }
}

@_spi(JSONReader)
extension ToolCallDelta.Function: JSONReadable {
    public init(reading reader: inout JSONReader) throws(JSONDecodingError) {
        var name: String?, arguments: String?
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "name": name = try reader.decodeString()
            case "arguments": arguments = try reader.decodeValue().flatMap(ToolCallDelta.text)
            default: return false
            }
            return true
        }
        self.init(name: name, arguments: arguments)
    }
}

extension JSONReader {
    /// An event's `error` member: `null` is no error; anything else refuses the event, so the
    /// stream reads it again as the error the server reports.
    mutating func refuseReportedError() throws(JSONDecodingError) {
        guard try decodeNull() else { throw .shape(JSONShapeError(path: "", expected: "no error (the event reports one)")) }
    }
}
