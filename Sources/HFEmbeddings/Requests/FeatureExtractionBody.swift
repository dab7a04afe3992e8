import HFCore

/// The body of a feature-extraction request, in either style. Options are top-level keys (TEI's
/// schema), not under `parameters`; `nil` fields are omitted.
struct FeatureExtractionBody: Encodable {
    /// One text or a list; one text is sent as a bare string, as the official clients do.
    enum Texts: Encodable {
        case one(String)
        case many([String])

        var count: Int {
            switch self {
            case .one: return 1
            case .many(let texts): return texts.count
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let text): try container.encode(text)
            case .many(let texts): try container.encode(texts)
            }
        }
    }

    var model: String?
    var inputs: Texts?
    var input: Texts?
    var normalize: Bool?
    var promptName: String?
    var truncate: Bool?
    var truncationDirection: String?
    var dimensions: Int?

    enum CodingKeys: String, CodingKey {
        case model, inputs, input, normalize
        case promptName = "prompt_name"
        case truncate
        case truncationDirection = "truncation_direction"
        case dimensions
    }

    init(texts: Texts, style: EmbeddingRoute.Style, model: String?, options: EmbeddingOptions) {
        switch style {
        case .pipeline:
            inputs = texts
        case .openAI:
            self.model = model
            input = texts
        }
        normalize = options.normalize
        promptName = options.promptName
        truncate = options.truncate
        truncationDirection = options.truncationDirection?.rawValue
        dimensions = options.dimensions
    }
}
