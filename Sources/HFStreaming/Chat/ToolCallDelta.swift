import HFCore

/// A fragment of a streamed tool call. The first fragment of a call carries its `id`, `type` and
/// function name; later ones only more of the arguments text.
public struct ToolCallDelta: Sendable, Hashable, Decodable {
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

    private enum CodingKeys: String, CodingKey {
        case index, id, type, function
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decodeIfPresent(Int.self, forKey: .index)
        id = try container.decodeIfPresent(JSONValue.self, forKey: .id).flatMap(Self.text)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        function = try container.decodeIfPresent(Function.self, forKey: .function)
    }

    /// Text-generation servers send numeric ids and argument objects; both read as text.
    static func text(_ value: JSONValue) -> String? {
        value.isNull ? nil : value.stringValue ?? value.description
    }

    /// The function name (first fragment) and a piece of the arguments text.
    public struct Function: Sendable, Hashable, Decodable {
        public var name: String?
        public var arguments: String?

        public init(name: String? = nil, arguments: String? = nil) {
            self.name = name
            self.arguments = arguments
        }

        private enum CodingKeys: String, CodingKey {
            case name, arguments
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            arguments = try container.decodeIfPresent(JSONValue.self, forKey: .arguments).flatMap(ToolCallDelta.text)
        }
    }
}
