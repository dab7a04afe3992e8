/// What metrics are kept apart by: the operation, the model and the provider of a call.
///
/// ```swift
/// let chat = snapshot.keys[MetricsKey(operation: .chat, model: "meta-llama/Llama-3.1-8B-Instruct", provider: .cerebras)]
/// ```
public struct MetricsKey: Hashable, Sendable, CustomStringConvertible {
    /// The call, such as ``HFOperation/chat``.
    public var operation: HFOperation
    /// The model as the caller named it (suffix included); `nil` for calls without one.
    public var model: ModelID?
    /// The provider that answered, when known; `nil` when the router chose and did not say.
    public var provider: Provider?

    /// The key of `operation` on `model` answered by `provider`.
    public init(operation: HFOperation, model: ModelID? = nil, provider: Provider? = nil) {
        self.operation = operation
        self.model = model
        self.provider = provider
    }

    /// `operation model@provider`, for logs and metric labels.
    public var description: String {
        [operation.rawValue, model.map(\.rawValue), provider.map { "@\($0.rawValue)" }]
            .compactMap { $0 }.joined(separator: " ")
    }
}
