import HFCore

/// Who wrote a chat message. Open: providers may send roles beyond the four OpenAI ones.
///
/// ```swift
/// let message = ChatMessage(role: .system, content: "Be brief.")
/// ```
public struct ChatRole: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Instructions that frame the conversation.
    public static let system: ChatRole = "system"
    /// The person talking to the model.
    public static let user: ChatRole = "user"
    /// The model.
    public static let assistant: ChatRole = "assistant"
    /// The result of a tool call, answering an assistant message's `tool_calls`.
    public static let tool: ChatRole = "tool"
}
