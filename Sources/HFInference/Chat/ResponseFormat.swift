import HFCore

/// The shape the reply must take.
///
/// ```swift
/// request.responseFormat = .jsonSchema(name: "animals", schema: ["type": "object", "properties": ["names": ["type": "array"]]])
/// ```
public enum ResponseFormat: Sendable, Hashable, Encodable {
    /// Free text (the default).
    case text
    /// Any valid JSON object.
    case jsonObject
    /// JSON matching a schema: `{"type":"json_schema","json_schema":{"name","description","schema","strict"}}`.
    /// When sent to a provider whose API spells it differently (together, fireworks-ai, cohere,
    /// hf-inference), the body is rewritten for that provider.
    case jsonSchema(JSONSchemaFormat)
    /// Any other object, sent as is; for server-specific forms such as a text-generation server's
    /// `{"type":"json","value":{…}}`.
    case custom(JSONObject)

    /// JSON matching `schema`.
    public static func jsonSchema(name: String, schema: JSONValue? = nil, description: String? = nil, strict: Bool? = nil) -> ResponseFormat {
        .jsonSchema(JSONSchemaFormat(name: name, description: description, schema: schema, strict: strict))
    }

    private enum CodingKeys: String, CodingKey {
        case type
        case jsonSchema = "json_schema"
    }

    public func encode(to encoder: any Encoder) throws {
        if case .custom(let object) = self {
            return try JSONValue.object(object).encode(to: encoder)
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text: try container.encode("text", forKey: .type)
        case .jsonObject: try container.encode("json_object", forKey: .type)
        case .jsonSchema(let format):
            try container.encode("json_schema", forKey: .type)
            try container.encode(format, forKey: .jsonSchema)
        case .custom: break
        }
    }
}

/// The `json_schema` member of a ``ResponseFormat/jsonSchema(_:)`` format.
///
/// ```swift
/// request.responseFormat = .jsonSchema(JSONSchemaFormat(name: "city", schema: ["type": "object", "properties": ["name": ["type": "string"]]], strict: true))
/// ```
public struct JSONSchemaFormat: Sendable, Hashable, Encodable {
    /// Required by the API: a name for the schema.
    public var name: String
    /// What the schema is for, for the model.
    public var description: String?
    /// The JSON Schema the reply must match.
    public var schema: JSONValue?
    /// Ask for strict schema adherence, where the provider supports it.
    public var strict: Bool?

    /// Creates a named JSON schema.
    public init(name: String, description: String? = nil, schema: JSONValue? = nil, strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.schema = schema
        self.strict = strict
    }
}
