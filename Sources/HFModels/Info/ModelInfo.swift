import Foundation
import HFCore

/// A model as the Hub describes it (`GET /api/models/{id}`, or one item of a listing).
///
/// Every field but ``id`` is optional: listings and `expand[]` requests return only some, and the
/// Hub adds fields over time. ``json`` keeps the whole object for what is not modelled here
/// (`cardData`, `config`, `siblings`, `safetensors`, …).
///
/// ```swift
/// let info = try await client.models.info("sentence-transformers/all-MiniLM-L6-v2")
/// info.pipelineTag       // "sentence-similarity"
/// info.libraryName       // "sentence-transformers"
/// info.json["safetensors"]?["total"]?.intValue
/// ```
public struct ModelInfo: Sendable, Hashable {
    /// The repository id, canonical (after renames): `google-bert/bert-base-uncased`.
    public var id: String
    /// The Hub's internal object id (`_id`).
    public var objectID: String?
    /// The user or organisation that owns the model.
    public var author: String?
    /// The commit the information describes.
    public var sha: String?
    /// The model's main task.
    public var pipelineTag: InferenceTask?
    /// e.g. `transformers`, `sentence-transformers`, `diffusers`.
    public var libraryName: String?
    /// Tags, including those the Hub computes (`conversational`, `base_model:…`, `license:…`).
    public var tags: [String]?
    /// Downloads over the last 30 days.
    public var downloads: Int?
    /// Downloads ever (asked for with ``Property/downloadsAllTime``).
    public var downloadsAllTime: Int?
    /// The repository's likes.
    public var likes: Int?
    /// The Hub's trending score.
    public var trendingScore: Double?
    /// Whether the repository is private.
    public var isPrivate: Bool?
    /// Whether the repository is disabled.
    public var isDisabled: Bool?
    /// Whether users must ask for access, and how it is granted.
    public var gated: Gating?
    /// Whether Inference Providers serve the model now (see ``InferenceStatus``).
    public var inference: InferenceStatus?
    /// How each provider serves the model, in the account's order of preference (when
    /// `inferenceProviderMapping` was returned; either of the Hub's two shapes).
    public var providerMappings: [ProviderMapping]?
    /// When the repository was created.
    public var createdAt: Date?
    /// When the last commit was made.
    public var lastModified: Date?
    /// The mask token of fill-mask models, e.g. `[MASK]`.
    public var maskToken: String?
    /// The whole object as the Hub sent it, keys in order.
    public var json: JSONObject

    /// Reads a Hub model object; `nil` when it is not an object with a string `id`.
    public init?(json value: JSONValue) {
        guard let object = value.objectValue, let id = object["id"]?.stringValue else { return nil }
        self.id = id
        objectID = object["_id"]?.stringValue
        author = object["author"]?.stringValue
        sha = object["sha"]?.stringValue
        pipelineTag = object["pipeline_tag"]?.stringValue.map(InferenceTask.init(rawValue:))
        libraryName = object["library_name"]?.stringValue
        tags = object["tags"]?.arrayValue?.compactMap(\.stringValue)
        downloads = object["downloads"]?.intValue
        downloadsAllTime = object["downloadsAllTime"]?.intValue
        likes = object["likes"]?.intValue
        trendingScore = object["trendingScore"]?.doubleValue
        isPrivate = object["private"]?.boolValue
        isDisabled = object["disabled"]?.boolValue
        gated = object["gated"].flatMap { gated in
            gated.boolValue.map { Gating(rawValue: String($0)) } ?? gated.stringValue.map(Gating.init(rawValue:))
        }
        inference = object["inference"]?.stringValue.map(InferenceStatus.init(rawValue:))
        providerMappings = object["inferenceProviderMapping"].map { ProviderMapping.parse($0, model: id) }
        createdAt = object["createdAt"]?.stringValue.flatMap(Self.date)
        lastModified = object["lastModified"]?.stringValue.flatMap(Self.date)
        maskToken = object["mask_token"]?.stringValue
        json = object
    }

    /// Hub timestamps: ISO 8601 in UTC, usually with milliseconds (`2024-09-24T15:48:47.000Z`).
    private static func date(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
