/// Whether and which tool the model must call.
///
/// Decoding also reads the other forms servers take: `{"function":{"name":…}}` without `type`
/// (the HF spec's), and a bare function name (older text-generation servers'); both are written
/// back in OpenAI's form.
///
/// ```swift
/// request.tools = [weather]
/// request.toolChoice = .function("get_weather")   // or .auto, .none, .required
/// ```
public enum ToolChoice: Sendable, Hashable, Codable {
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

    /// Reads `"auto"`, `"none"`, `"required"`, a bare function name, or a `function` object.
    ///
    /// ```swift
    /// let choice = try JSONDecoder().decode(ToolChoice.self, from: Data(#"{"type":"function","function":{"name":"f"}}"#.utf8))
    /// ```
    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            switch name {
            case "auto": self = .auto
            case "none": self = .none
            case "required": self = .required
            default: self = .function(name)
            }
            return
        }
        let function = try decoder.container(keyedBy: CodingKeys.self).nestedContainer(keyedBy: FunctionKeys.self, forKey: .function)
        self = .function(try function.decode(String.self, forKey: .name))
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
