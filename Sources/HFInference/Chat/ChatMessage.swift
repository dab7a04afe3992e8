import HFCore

/// One message of a conversation.
///
/// ```swift
/// let messages: [ChatMessage] = [
///     .system("You are a helpful assistant."),
///     .user("What is deep learning?"),
/// ]
/// ```
public struct ChatMessage: Sendable, Hashable, Codable {
    /// Who wrote the message: system, user, assistant or tool.
    public var role: ChatRole
    /// Text, or parts (text and images). `nil` for an assistant message that only calls tools.
    public var content: ChatContent?
    /// An optional name for the participant.
    public var name: String?
    /// The tools an assistant message called, when replaying a conversation.
    public var toolCalls: [ToolCall]?
    /// For a ``ChatRole/tool`` message: the id of the call it answers.
    public var toolCallID: String?

    /// Creates a message; ``system(_:)`` and the other factories are shorter.
    ///
    /// ```swift
    /// let message = ChatMessage(role: .user, content: "What is deep learning?")
    /// ```
    public init(role: ChatRole, content: ChatContent?, name: String? = nil, toolCalls: [ToolCall]? = nil, toolCallID: String? = nil) {
        self.role = role
        self.content = content
        self.name = name
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
    }

    /// The model's reply, to append to the conversation before the next turn.
    public init(_ reply: ChatCompletion.Message) {
        self.init(role: reply.role ?? .assistant, content: reply.content.map(ChatContent.text), toolCalls: reply.toolCalls)
    }

    /// A system message.
    public static func system(_ text: String) -> ChatMessage {
        ChatMessage(role: .system, content: .text(text))
    }

    /// A user message with text.
    public static func user(_ text: String) -> ChatMessage {
        ChatMessage(role: .user, content: .text(text))
    }

    /// A user message with text and images: `.user([.text("What is this?"), .imageURL("https://…")])`.
    public static func user(_ parts: [ChatContentPart]) -> ChatMessage {
        ChatMessage(role: .user, content: .parts(parts))
    }

    /// An assistant message, when replaying a conversation.
    public static func assistant(_ text: String) -> ChatMessage {
        ChatMessage(role: .assistant, content: .text(text))
    }

    /// A tool's result, answering the call with id `callID`.
    public static func tool(_ text: String, callID: String) -> ChatMessage {
        ChatMessage(role: .tool, content: .text(text), toolCallID: callID)
    }

    enum CodingKeys: String, CodingKey {
        case role, content, name
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
    }
}

/// A message's content: plain text, or a list of parts.
///
/// ```swift
/// let plain = ChatMessage(role: .user, content: "Hi")                  // .text("Hi")
/// let mixed = ChatMessage(role: .user, content: .parts([.text("Describe this"), .imageURL("https://…/cat.png")]))
/// ```
public enum ChatContent: Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    /// Plain text: `"content": "…"`.
    case text(String)
    /// Text and image parts: `"content": [{"type": "text", …}, …]`.
    case parts([ChatContentPart])

    public init(stringLiteral value: String) {
        self = .text(value)
    }

    /// Reads a JSON string as ``text(_:)`` and an array as ``parts(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .parts(try container.decode([ChatContentPart].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .parts(let parts): try container.encode(parts)
        }
    }
}
