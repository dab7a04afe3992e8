@_spi(JSONReader) import HFJSON
import HFCore

/// The members a reply's message and a streamed delta share, read with `JSONReader`: `role`,
/// `content`, and the reasoning, sent as `reasoning` or `reasoning_content` (the first wins, and
/// the second is checked only when the first is absent, as the `Decodable` conformances read
/// them). The tool calls, of another type in each, are read by the caller.
package struct MessageMembers {
    package private(set) var role: ChatRole?
    package private(set) var content: String?
    private var reasoningText: String?
    /// A `reasoning_content` of the wrong type fails only if `reasoning` does not answer.
    private var reasoningContent: Result<String?, JSONDecodingError> = .success(nil)

    /// Reads a message object; `toolCalls` reads the value of its `tool_calls` member.
    package init(reading reader: inout JSONReader, toolCalls: (inout JSONReader) throws(JSONDecodingError) -> Void) throws(JSONDecodingError) {
        var members = MessageMembers()
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "content": members.content = try reader.decodeString()
            case "role": members.role = try reader.decodeString().map(ChatRole.init(rawValue:))
            case "tool_calls": try toolCalls(&reader)
            case "reasoning": members.reasoningText = try reader.decodeString()
            case "reasoning_content": try members.readReasoningContent(from: &reader)
            default: return false
            }
            return true
        }
        self = members
    }

    private init() {}

    private mutating func readReasoningContent(from reader: inout JSONReader) throws(JSONDecodingError) {
        do {
            reasoningContent = .success(try reader.decodeString())
        } catch {
            guard case .shape(let shape) = error else { throw error }
            // Kept with its path, for when `reasoning` turns out not to answer.
            reasoningContent = .failure(.shape(shape.inside("reasoning_content")))
            try reader.syntax { reader throws(JSONReader.Failure) in try reader.skipValue() }
        }
    }

    /// The reasoning text, or the deferred error of a `reasoning_content` of the wrong type.
    package func reasoning() throws(JSONDecodingError) -> String? {
        if let reasoningText { return reasoningText }
        return try reasoningContent.get()
    }
}
