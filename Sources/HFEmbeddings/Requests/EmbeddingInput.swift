import HFCore

/// The texts of one feature-extraction request: one text is sent as a bare string, as the
/// official clients do, a list as an array.
enum EmbeddingInput: Sendable {
    case one(String)
    case many([String])

    var count: Int {
        switch self {
        case .one: return 1
        case .many(let texts): return texts.count
        }
    }

    /// The canonical (text-embeddings-inference) body: `inputs` and the options set, as top-level
    /// keys; an option left `nil` is omitted, so the server's default applies.
    func body(options: EmbeddingOptions) -> JSONObject {
        var body = JSONObject()
        switch self {
        case .one(let text): body["inputs"] = .string(text)
        case .many(let texts): body["inputs"] = .array(texts.map(JSONValue.string))
        }
        body["normalize"] = options.normalize.map(JSONValue.bool)
        body["prompt_name"] = options.promptName.map(JSONValue.string)
        body["truncate"] = options.truncate.map(JSONValue.bool)
        body["truncation_direction"] = options.truncationDirection.map { .string($0.rawValue) }
        body["dimensions"] = options.dimensions.map { .integer(Int64($0)) }
        return body
    }
}
