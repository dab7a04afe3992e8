import HFCore
import HFJSON

/// The shape the reply must take.
///
/// ```swift
/// request.responseFormat = .jsonSchema(name: "animals", schema: ["type": "object", "properties": ["names": ["type": "array"]]])
/// ```
public enum ResponseFormat: Sendable, Hashable, Codable {
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

    /// Reads `text`, `json_object` and `json_schema` formats as their cases when the case writes
    /// the object back exactly; any other object (a server's own form, or one with members the
    /// cases do not model) as ``custom(_:)``, so nothing is lost.
    public init(from decoder: any Decoder) throws {
        guard let object = try JSONValue(from: decoder).objectValue else {
            throw DecodingError.typeMismatch(JSONObject.self, DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "a response format is an object"))
        }
        let typed: ResponseFormat? = switch object["type"]?.stringValue {
        case "text": .text
        case "json_object": .jsonObject
        case "json_schema": try? object["json_schema"].map { .jsonSchema(try JSONValueDecoder().decode(JSONSchemaFormat.self, from: $0)) }
        default: nil
        }
        if let typed, (try? JSONValueEncoder().encodeToValue(typed)) == .object(object) {
            self = typed
        } else {
            self = .custom(object)
        }
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
public struct JSONSchemaFormat: Sendable, Hashable, Codable {
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
