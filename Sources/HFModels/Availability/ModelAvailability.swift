import HFCore

/// Whether a model can be served now, and by whom: the Hub's `inference` status and provider
/// mapping read together.
///
/// ```swift
/// let availability = try await client.models.availability(of: "meta-llama/Llama-3.1-8B-Instruct")
/// switch availability.state {
/// case .available: print("served by", availability.liveProviders.map(\.provider))
/// case .stagingOnly: print("only for the providers' organisations:", availability.stagingProviders.map(\.provider))
/// case .loadable: print("cold: the first request will wait for the model to load")
/// case .unavailable: print("not served")
/// }
/// ```
public struct ModelAvailability: Sendable, Hashable {
    /// The overall answer, from the most to the least usable.
    ///
    /// ```swift
    /// switch try await client.models.availability(of: .llama3_8BInstruct).state {
    /// case .available: print("ready")
    /// case .stagingOnly, .loadable, .unavailable: print("not now")
    /// }
    /// ```
    public enum State: Sendable, Hashable {
        /// At least one provider serves the model now (a `live` mapping, or the Hub says `warm`).
        case available
        /// Only `staging` mappings: usable by members of those providers' organisations only.
        case stagingOnly
        /// Legacy `cold` status: the serverless API loads the model on the first request.
        case loadable
        /// No provider serves it: no usable mapping, and the Hub does not say `warm` or `cold`.
        case unavailable
    }

    /// The canonical model id (after renames).
    public let model: String
    /// The model's main task.
    public let pipelineTag: InferenceTask?
    /// The Hub's status, if it sent one.
    public let inference: InferenceStatus?
    /// Every provider mapping, in the account's order of preference.
    public let providers: [ProviderMapping]

    /// Creates an availability report; ``ModelsAPI/availability(of:)`` makes one from the Hub.
    public init(model: String, pipelineTag: InferenceTask? = nil, inference: InferenceStatus?, providers: [ProviderMapping]) {
        self.model = model
        self.pipelineTag = pipelineTag
        self.inference = inference
        self.providers = providers
    }

    /// Reads availability from model information fetched with `inference` and
    /// `inferenceProviderMapping` expanded.
    public init(_ info: ModelInfo) {
        self.init(model: info.id, pipelineTag: info.pipelineTag, inference: info.inference, providers: info.providerMappings ?? [])
    }

    /// Mappings that serve requests now, for everyone.
    public var liveProviders: [ProviderMapping] { providers.filter { $0.status == .live } }
    /// Mappings visible only to members of the provider's organisation.
    public var stagingProviders: [ProviderMapping] { providers.filter { $0.status == .staging } }
    /// Mappings failing the Hub's health check, or in a status this package does not know.
    public var failingProviders: [ProviderMapping] { providers.filter { $0.status != .live && $0.status != .staging } }

    /// Whether the model can be called now: a live provider or a warm model makes it ``State/available``,
    /// then staging-only mappings, then a cold model that can be loaded.
    public var state: State {
        if !liveProviders.isEmpty || inference == .warm { return .available }
        if !stagingProviders.isEmpty { return .stagingOnly }
        if inference == .cold { return .loadable }
        return .unavailable
    }

    /// `true` when a request can be served now (``State/available``).
    public var isServable: Bool { state == .available }

    /// The live mappings that serve `task`, in the account's order.
    public func liveProviders(for task: InferenceTask) -> [ProviderMapping] {
        liveProviders.filter { $0.task == task }
    }
}
