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
    /// The function the model may call.
    public var function: Function

    /// Creates a tool.
    ///
    /// ```swift
    /// let weather = ChatTool(function: .init(name: "get_weather", parameters: ["type": "object", "properties": ["city": ["type": "string"]]]))
    /// ```
    public init(type: String = "function", function: Function) {
        self.type = type
        self.function = function
    }

    /// A function tool; `parameters` is a JSON Schema object.
    public static func function(_ name: String, description: String? = nil, parameters: JSONValue? = nil) -> ChatTool {
        ChatTool(function: Function(name: name, description: description, parameters: parameters))
    }

    /// A function's name, what it does, and the JSON Schema of its arguments.
    ///
    /// ```swift
    /// let function = ChatTool.Function(name: "get_weather", description: "The weather in a city", parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]])
    /// ```
    public struct Function: Sendable, Hashable, Codable {
        /// The function's name, as the model will call it.
        public var name: String
        /// What the function does, for the model to decide when to call it.
        public var description: String?
        /// A JSON schema of the function's arguments.
        public var parameters: JSONValue?

        /// Creates a function description.
        public init(name: String, description: String? = nil, parameters: JSONValue? = nil) {
            self.name = name
            self.description = description
            self.parameters = parameters
        }
    }
}
