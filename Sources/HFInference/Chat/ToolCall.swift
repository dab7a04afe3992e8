import HFCore

/// A tool call the model made, as returned in a reply and as sent back in the conversation.
///
/// Decoding is lenient about what older text-generation servers send: a numeric `id`, a missing
/// `type`, and `arguments` as a JSON object rather than a JSON string are all accepted.
///
/// ```swift
/// for call in completion.choices[0].message.toolCalls ?? [] {
///     let arguments = try call.function.parsedArguments()
///     print(call.id, call.function.name, arguments)
/// }
/// ```
public struct ToolCall: Sendable, Hashable, Encodable {
    /// The call's id, quoted by the ``ChatRole/tool`` message that answers it.
    public var id: String
    /// Always `"function"` today.
    public var type: String
    /// The function to call and its arguments.
    public var function: FunctionCall

    /// Creates a tool call, as an assistant message in a conversation carries it.
    public init(id: String, type: String = "function", function: FunctionCall) {
        self.id = id
        self.type = type
        self.function = function
    }
}

/// The function a tool call names, and its arguments as JSON text.
///
/// ```swift
/// let call = FunctionCall(name: "get_weather", arguments: #"{"city": "Paris"}"#)
/// let city = try call.parsedArguments()["city"]?.stringValue   // "Paris"
/// ```
public struct FunctionCall: Sendable, Hashable, Encodable {
    /// The function's name.
    public var name: String
    /// The arguments, a JSON document as text (e.g. `{"city":"Paris"}`).
    public var arguments: String

    /// Creates a function call.
    public init(name: String, arguments: String) {
        self.name = name
        self.arguments = arguments
    }

    /// The arguments parsed.
    ///
    /// ```swift
    /// let city = try call.function.parsedArguments()["city"]?.stringValue
    /// ```
    public func parsedArguments() throws(HFError) -> JSONValue {
        do {
            return try JSONParser.parse(arguments.isEmpty ? "{}" : arguments)
        } catch {
            var failure = HFError(category: .decoding, message: "The arguments of the call to \(name) are not valid JSON: \(error)")
            failure.bodySnippet = String(arguments.prefix(300))
            throw failure
        }
    }
}

extension JSONValue {
    /// A string as itself; anything else as compact JSON (numbers, objects).
    var textValue: String {
        stringValue ?? description
    }
}
