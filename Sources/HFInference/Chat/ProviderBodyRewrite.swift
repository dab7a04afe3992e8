import HFCore

/// The changes a provider's chat API needs to the standard body, applied only when a request is
/// routed to that provider's own route (protocol notes §4.2, after the official clients).
enum ProviderBodyRewrite {
    static func apply(to body: inout JSONValue, provider: Provider) {
        guard case .object(var object) = body else { return }
        switch provider {
        case .together:
            rewriteJSONSchema(in: &object) { ["type": "json_schema", "schema": $0] }
        case .cohere, .fireworksAI:
            rewriteJSONSchema(in: &object) { ["type": "json_object", "schema": $0] }
        case .hfInference:
            // Text-generation servers take the schema as a grammar value.
            rewriteJSONSchema(in: &object) { ["type": "json_object", "value": $0] }
        case .cerebras:
            // Cerebras refuses `store` with a 400 "wrong_api_format".
            object["store"] = nil
        default:
            return
        }
        body = .object(object)
    }

    /// Replaces `{"type":"json_schema","json_schema":{…,"schema":S}}` with `shape(S)`.
    private static func rewriteJSONSchema(in object: inout JSONObject, shape: (JSONValue) -> JSONValue) {
        guard let format = object["response_format"], format["type"]?.stringValue == "json_schema",
              let schema = format["json_schema"]?["schema"]
        else { return }
        object["response_format"] = shape(schema)
    }
}
