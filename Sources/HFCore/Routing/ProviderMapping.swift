import Foundation

/// How one provider serves a Hub model: the Hub's `inferenceProviderMapping` entry.
///
/// ```swift
/// for mapping in try await client.providerMappings(for: .llama3_8BInstruct) where mapping.status == .live {
///     print(mapping.provider, mapping.providerModelID)   // together meta-llama/Meta-Llama-3-8B-Instruct-Turbo
/// }
/// ```
public struct ProviderMapping: Sendable, Hashable {
    /// Whether the mapping is public (`live`), visible only to the provider's organisation
    /// (`staging`), or failing its health check (`error`). An open set.
    ///
    /// ```swift
    /// let staging = try await client.providerMappings(for: .llama3_8BInstruct).filter { $0.status == .staging }
    /// ```
    public struct Status: OpenStringValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The provider serves the model to everyone.
        public static let live = Status(rawValue: "live")
        /// The mapping is being tested and is not open to every caller yet.
        public static let staging = Status(rawValue: "staging")
        /// The Hub marks the mapping as failing: calls through this provider are not expected to work.
        public static let error = Status(rawValue: "error")
    }

    /// The provider this mapping is for.
    public var provider: Provider
    /// The Hub id the mapping belongs to.
    public var hfModelID: String
    /// The id to send to the provider, in the URL path or the body's `model`.
    public var providerModelID: String
    /// Whether the provider serves the model now (``Status/live``).
    public var status: Status
    /// The task the provider serves the model for, such as ``InferenceTask/conversational``.
    public var task: InferenceTask
    /// `"lora"` for LoRA adapter mappings.
    public var adapter: String?
    /// The adapter weights file inside the Hub repository.
    public var adapterWeightsPath: String?
    /// `"single-model"` or `"tag-filter"`: how the mapping was registered.
    public var type: String?

    /// Creates a mapping; ``HFClient/providerMappings(for:)`` reads them from the Hub.
    public init(
        provider: Provider, hfModelID: String, providerModelID: String, status: Status, task: InferenceTask,
        adapter: String? = nil, adapterWeightsPath: String? = nil, type: String? = nil
    ) {
        self.provider = provider
        self.hfModelID = hfModelID
        self.providerModelID = providerModelID
        self.status = status
        self.task = task
        self.adapter = adapter
        self.adapterWeightsPath = adapterWeightsPath
        self.type = type
    }

    /// Reads `inferenceProviderMapping` in either shape, keeping its order (the account's order of
    /// preference): the object keyed by provider that model info returns, or the array of entries
    /// with a `provider` field that listings return. Entries without a provider id are skipped.
    public static func parse(_ value: JSONValue, model: String) -> [ProviderMapping] {
        switch value {
        case .object(let object):
            return object.compactMap { key, entry in mapping(from: entry, provider: key, model: model) }
        case .array(let entries):
            return entries.compactMap { entry in
                entry["provider"]?.stringValue.flatMap { mapping(from: entry, provider: $0, model: model) }
            }
        default:
            return []
        }
    }

    private static func mapping(from entry: JSONValue, provider: String, model: String) -> ProviderMapping? {
        guard let providerModelID = entry["providerId"]?.stringValue else { return nil }
        return ProviderMapping(
            provider: Provider(rawValue: provider),
            hfModelID: entry["hfModelId"]?.stringValue ?? model,
            providerModelID: providerModelID,
            status: Status(rawValue: entry["status"]?.stringValue ?? "live"),
            task: InferenceTask(rawValue: entry["task"]?.stringValue ?? ""),
            adapter: entry["adapter"]?.stringValue,
            adapterWeightsPath: entry["adapterWeightsPath"]?.stringValue,
            type: entry["type"]?.stringValue
        )
    }
}
