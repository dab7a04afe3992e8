import HFCore

/// A tool the model may call: `{"type":"function","function":{"name","description","parameters"}}`.
///
/// ```swift
/// let weather = ChatTool.function(
///     "get_current_weather",
///     description: "Get the current weather",
///     parameters: ["type": "object", "properties": ["location": ["type": "string"]], "required": ["location"]]
/// )
/// ```
public struct ChatTool: Sendable, Hashable, Codable {
    /// Always `"function"` today.
    public var type: String
    public var function: Function

    public init(type: String = "function", function: Function) {
        self.type = type
        self.function = function
    }

    /// A function tool; `parameters` is a JSON Schema object.
    public static func function(_ name: String, description: String? = nil, parameters: JSONValue? = nil) -> ChatTool {
        ChatTool(function: Function(name: name, description: description, parameters: parameters))
    }

    /// A function's name, what it does, and the JSON Schema of its arguments.
    public struct Function: Sendable, Hashable, Codable {
        public var name: String
        public var description: String?
        public var parameters: JSONValue?

        public init(name: String, description: String? = nil, parameters: JSONValue? = nil) {
            self.name = name
            self.description = description
            self.parameters = parameters
        }
    }
}
