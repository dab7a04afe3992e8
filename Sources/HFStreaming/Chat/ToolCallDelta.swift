import HFCore

/// A fragment of a streamed tool call. The first fragment of a call carries its `id`, `type` and
/// function name; later ones only more of the arguments text.
public struct ToolCallDelta: Sendable, Hashable, Encodable {
    /// Which call of the message this fragment belongs to.
    public var index: Int?
    public var id: String?
    public var type: String?
    public var function: Function?

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
    public struct Function: Sendable, Hashable, Encodable {
        public var name: String?
        public var arguments: String?

        public init(name: String? = nil, arguments: String? = nil) {
            self.name = name
            self.arguments = arguments
        }
    }
}
