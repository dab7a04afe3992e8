/// What a request is for, carried with it through every middleware: the operation, the task, the
/// model, the provider, which attempt this is, and by when an answer is due.
///
/// ```swift
/// struct Tagger: HFMiddleware {
///     func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
///         var request = request
///         request.headers["X-Tag"] = "\(context.operation) \(context.provider?.rawValue ?? "router") try \(context.attempt)"
///         return try await next(request, context)
///     }
/// }
/// ```
public struct HFRequestContext: Sendable {
    /// The call that made the request, such as ``HFOperation/chat``.
    public var operation: HFOperation
    /// The task, as the Hub names it; `nil` for Hub look-ups and raw requests.
    public var task: InferenceTask?
    /// The model, as the caller gave it (suffix included).
    public var model: ModelID?
    /// The provider the request is addressed to, when known (`nil` when the router chooses).
    ///
    /// At the operation level (``HFMiddleware/interceptOperation(_:next:)``), setting it and calling
    /// `next` runs the operation again for that provider: the route, the provider's model id and the
    /// body are resolved anew. This is how a failover middleware moves a call to another provider.
    public var provider: Provider?
    /// 1 for the first attempt; a middleware that sends a request again counts up.
    public var attempt: Int
    /// When the whole response, or a stream's head, must have arrived: `requestTimeout` from the
    /// start of the call, a Hub look-up included. Each attempt's transport gets what remains, and
    /// an attempt due after it is refused before sending (a token provider's closure is not
    /// interrupted), so a middleware that tries again after a timeout (a retry, a failover) sets
    /// a later deadline.
    public var deadline: ContinuousClock.Instant
    /// `true` when the response is read as a stream.
    public var isStreaming: Bool
    /// Whether the request carries the token.
    public var token: TokenRequirement

    /// Creates a context; the client makes one per call, and middleware mostly reads it.
    public init(
        operation: HFOperation,
        task: InferenceTask? = nil,
        model: ModelID? = nil,
        provider: Provider? = nil,
        attempt: Int = 1,
        deadline: ContinuousClock.Instant,
        isStreaming: Bool = false,
        token: TokenRequirement = .required
    ) {
        self.operation = operation
        self.task = task
        self.model = model
        self.provider = provider
        self.attempt = attempt
        self.deadline = deadline
        self.isStreaming = isStreaming
        self.token = token
    }
}
