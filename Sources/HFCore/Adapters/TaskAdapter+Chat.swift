import Foundation

// Chat completion adapters: the router's own route, OpenAI-compatible provider routes (with the
// body rewrites some providers need), hf-inference's per-model route, and servers of the caller's.

extension TaskAdapter {
    /// `{router}/v1/chat/completions` with the model id as given: the router reads its suffix.
    static let routerChat = TaskAdapter(task: .conversational, usesMapping: false) { base, _ in
        HFConfiguration.join(base, "/v1/chat/completions")
    } body: { body, model in
        body["model"] = .string(model.asGiven)
    }

    /// A provider's OpenAI-compatible chat route at `path` below its base URL, with the mapping's
    /// model id and the provider's body rewrite.
    static func openAIChat(path: String, rewrite: ChatBodyRewrite = .none) -> TaskAdapter {
        TaskAdapter(task: .conversational) { base, _ in
            HFConfiguration.join(base, path)
        } body: { body, model in
            body["model"] = .string(model.providerID)
            rewrite.apply(to: &body)
        }
    }

    /// hf-inference's `/models/{id}/v1/chat/completions`, with the Hub id; text-generation servers
    /// take a JSON schema as a grammar value.
    static let hfInferenceChat = TaskAdapter(task: .conversational, usesMapping: false) { base, model in
        HFConfiguration.join(base, "/models/\(model.hubID)/v1/chat/completions")
    } body: { body, model in
        body["model"] = .string(model.hubID)
        ChatBodyRewrite.jsonSchemaAsGrammar.apply(to: &body)
    }

    /// A server of the caller's, by the official clients' rule: a path ending in
    /// `/chat/completions` is kept, one ending in `/v1` gets `/chat/completions`, anything else
    /// gets `/v1/chat/completions`; the query string is kept. The model name is sent as given.
    static let chatEndpoint = TaskAdapter(task: .conversational, usesMapping: false) { base, _ in
        HFConfiguration.openAIURL(forEndpoint: base, route: "/chat/completions")
    } body: { body, model in
        body["model"] = .string(model.asGiven)
    }
}

/// A change a provider's chat API needs to the standard body (protocol notes §4.2, after the
/// official clients), applied only on that provider's own route.
package struct ChatBodyRewrite: Sendable {
    private let rewrite: (@Sendable (inout JSONObject) -> Void)?

    private init(_ rewrite: (@Sendable (inout JSONObject) -> Void)?) {
        self.rewrite = rewrite
    }

    func apply(to body: inout JSONObject) {
        rewrite?(&body)
    }

    static let none = ChatBodyRewrite(nil)

    /// `{"type":"json_schema","json_schema":{…,"schema":S}}` → `{"type":"json_schema","schema":S}` (Together).
    static let jsonSchemaAsSchema = ChatBodyRewrite { body in
        rewriteJSONSchema(in: &body) { ["type": "json_schema", "schema": $0] }
    }

    /// … → `{"type":"json_object","schema":S}` (Cohere, Fireworks).
    static let jsonSchemaAsJSONObject = ChatBodyRewrite { body in
        rewriteJSONSchema(in: &body) { ["type": "json_object", "schema": $0] }
    }

    /// … → `{"type":"json_object","value":S}`: text-generation servers take the schema as a grammar.
    static let jsonSchemaAsGrammar = ChatBodyRewrite { body in
        rewriteJSONSchema(in: &body) { ["type": "json_object", "value": $0] }
    }

    /// Drops `store`, which Cerebras refuses with a 400 "wrong_api_format".
    static let withoutStore = ChatBodyRewrite { body in
        body["store"] = nil
    }

    private static func rewriteJSONSchema(in body: inout JSONObject, shape: (JSONValue) -> JSONValue) {
        guard let format = body["response_format"], format["type"]?.stringValue == "json_schema",
              let schema = format["json_schema"]?["schema"]
        else { return }
        body["response_format"] = shape(schema)
    }
}
