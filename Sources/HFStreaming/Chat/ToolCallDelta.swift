import HFCore

/// A fragment of a streamed tool call. The first fragment of a call carries its `id`, `type` and
/// function name; later ones only more of the arguments text.
///
/// ```swift
/// var calls = ToolCallAccumulator()
/// for try await chunk in try client.inference.chatStream(request) { calls.add(chunk) }
/// ```
public struct ToolCallDelta: Sendable, Hashable, Encodable {
    /// Which call of the message this fragment belongs to.
    public var index: Int?
    /// The call's id, on its first fragment.
    public var id: String?
    /// `"function"`, on the first fragment.
    public var type: String?
    /// A fragment of the function's name and arguments.
    public var function: Function?

    /// Creates a fragment.
    public init(index: Int?, id: String? = nil, type: String? = nil, function: Function? = nil) {
        self.index = index
        self.id = id
        self.type = type
        self.function = function
    }

    /// Text-generation servers send numeric ids and argument objects; both read as text.
    static func text(_ value: JSONValue) -> String? {
        value.isNull ? nil : value.stringValue ?? value.description
    }

    /// The function name (first fragment) and a piece of the arguments text.
    ///
    /// ```swift
    /// let argumentsSoFar = chunk.choices.first?.delta.toolCalls?.first?.function?.arguments ?? ""
    /// ```
    public struct Function: Sendable, Hashable, Encodable {
        /// The function's name, on the first fragment.
        public var name: String?
        /// A piece of the arguments' JSON text; join the pieces in order.
        public var arguments: String?

        /// Creates a function fragment.
        public init(name: String? = nil, arguments: String? = nil) {
            self.name = name
            self.arguments = arguments
        }
    }
}
