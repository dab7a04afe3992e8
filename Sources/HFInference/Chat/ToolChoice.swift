/// Whether and which tool the model must call.
///
/// ```swift
/// request.tools = [weather]
/// request.toolChoice = .function("get_weather")   // or .auto, .none, .required
/// ```
public enum ToolChoice: Sendable, Hashable, Encodable {
    /// The model decides (the default when tools are given).
    case auto
    /// No tool call.
    case none
    /// At least one tool call.
    case required
    /// This function, by name; it must be one of the request's tools.
    case function(String)

    private enum CodingKeys: String, CodingKey {
        case type, function
    }

    private enum FunctionKeys: String, CodingKey {
        case name
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .auto, .none, .required:
            var container = encoder.singleValueContainer()
            try container.encode(self == .auto ? "auto" : self == .none ? "none" : "required")
        case .function(let name):
            // OpenAI's form; the HF spec's form is the same without "type", which servers accept too.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("function", forKey: .type)
            var function = container.nestedContainer(keyedBy: FunctionKeys.self, forKey: .function)
            try function.encode(name, forKey: .name)
        }
    }
}
