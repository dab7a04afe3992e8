import Foundation

/// Moves a call that fails at one endpoint to the next healthy endpoint of a ``FailoverPool``,
/// and tells the pool how each endpoint did.
///
/// With a pool of providers it works on whole calls: each attempt sets the call's provider, which
/// resolves the call anew for it (route, the provider's model id, body; through the router, the
/// model id's suffix). With a pool of base URLs it works on requests: a request addressed to any
/// of the pool's base URLs is sent to the chosen one instead (other requests, such as Hub
/// look-ups, pass unchanged).
///
/// ```swift
/// let pool = FailoverPool(providers: [.together, .hfInference], coolDown: .seconds(30))
/// let client = HFClient(middleware: [FailoverMiddleware(pool: pool)])
/// let answer = try await client.inference.chat("Hi", model: "meta-llama/Meta-Llama-3-8B-Instruct")
/// ```
///
/// Only failures that say the endpoint is at fault move a call: a 5xx, a 429, a model that
/// cannot be served, a network failure, a timeout. A refused request (validation, authentication,
/// another 4xx), an undecodable reply or a cancelled call fails at once, as it would elsewhere.
/// Each endpoint is tried at most once per call; each attempt after the first gets back the time
/// the failed ones used, so a timeout at one endpoint leaves the next its full time. A stream is
/// moved only while nothing of it has reached the reader: until its head arrives with a 2xx.
///
/// A call whose every endpoint failed gets the last endpoint's error (or, for a request, its
/// error response). A pool of providers moves every inference call (one with a task) unless
/// `operations` names the ones to move; a call to your own endpoint (`via: .endpoint`) cannot be
/// moved to a provider and fails as validation. A health probe (``HFOperation/healthProbe``) is
/// never moved.
public struct FailoverMiddleware: HFMiddleware {
    /// The endpoints and their health.
    public let pool: FailoverPool
    /// The operations moved between endpoints; `nil` for all.
    public let operations: Set<HFOperation>?

    private let baseURLs: [URL]

    /// A middleware moving calls between `pool`'s endpoints.
    ///
    /// - Parameters:
    ///   - pool: the endpoints; share it with a ``HealthChecker`` to skip endpoints its probes find down.
    ///   - operations: the operations to move, such as `[.chat, .chatStream]`; `nil` for every
    ///     call to the pool's endpoints.
    public init(pool: FailoverPool, operations: Set<HFOperation>? = nil) {
        self.pool = pool
        self.operations = operations
        baseURLs = pool.endpoints.compactMap(\.baseURL)
    }

    /// With a pool of providers: runs an inference call at each healthy provider in turn until
    /// one answers or fails for a reason of the request's.
    public func interceptOperation<Result: Sendable>(
        _ context: HFRequestContext,
        next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        guard baseURLs.isEmpty, context.task != nil, moves(context) else { return try await OperationTrace.passDependency(context, next) }
        return try await failover(context) { endpoint, attempt in
            var moved = attempt
            moved.provider = endpoint.provider
            return try await next(moved)
        } fault: { _ in nil }
    }

    /// With a pool of base URLs: sends a request addressed to one of them to each healthy one in
    /// turn until one answers with neither a 5xx nor a 429 and without a network failure.
    public func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        try await move(request, context: context, next: next) { response in EndpointFault(response) }
    }

    /// As ``intercept(_:context:next:)``, for a streamed request, until a head arrives that is
    /// neither a 5xx nor a 429; the body is never moved.
    public func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        // Only the head has arrived: an error answer's body is dropped, which closes it, when
        // another endpoint is tried.
        try await move(request, context: context, next: next) { response in
            EndpointFault(HTTPResponse(head: response.head, body: Data()))
        }
    }

    /// Sends a request addressed to one of the pool's base URLs to the chosen one, failing over;
    /// any other request passes unchanged.
    private func move<Output>(
        _ request: HTTPRequest, context: HFRequestContext,
        next: @Sendable (HTTPRequest, HFRequestContext) async throws -> Output,
        fault: (Output) -> EndpointFault?
    ) async throws -> Output {
        guard moves(context), let base = MirroredURL.base(of: request.url, among: baseURLs) else {
            return try await next(request, context)
        }
        return try await failover(context, attempt: { endpoint, attempt in
            var moved = request
            moved.url = MirroredURL.move(request.url, from: base, to: endpoint.baseURL ?? base)
            return try await next(moved, attempt)
        }, fault: fault)
    }

    private func moves(_ context: HFRequestContext) -> Bool {
        context.operation != .healthProbe && (operations?.contains(context.operation) ?? true)
    }

    /// Runs `attempt` at the pool's endpoints until one answers without fault (an answer for
    /// which `fault` says nothing, or an error that is not an ``EndpointFault``), or none is left.
    private func failover<Output>(
        _ context: HFRequestContext,
        attempt: (FailoverEndpoint, HFRequestContext) async throws -> Output,
        fault: (Output) -> EndpointFault?
    ) async throws -> Output {
        let start = pool.clock.now
        var tried: [FailoverEndpoint] = []
        var endpoint = await pool.choose()
        while true {
            var current = context
            if !tried.isEmpty {
                current.attempt += tried.count
                // The deadline is the caller's for the whole call; each endpoint gets the time
                // the call had when the first one started.
                current.deadline = context.deadline + (pool.clock.now - start)
            }
            tried.append(endpoint)
            let (outcome, trace) = await OperationTrace.tracing { trace in
                do {
                    return (Result<Output, any Error>.success(try await attempt(endpoint, current)), trace)
                } catch {
                    return (.failure(error), trace)
                }
            }
            let failure: EndpointFault
            switch outcome {
            case .success(let output):
                guard let faulty = fault(output) else {
                    // An answer from the cache says nothing of the endpoint's health.
                    if !trace.servedFromCache { await pool.recordSuccess(endpoint) }
                    return output
                }
                failure = faulty
            case .failure(let error):
                guard let faulty = EndpointFault(error) else { throw error }
                failure = faulty
            }
            // A Hub outage is no provider's fault: move on, but leave the provider healthy.
            if !trace.dependencyFailed { await pool.recordFailure(endpoint, retryAfter: failure.retryAfter) }
            guard !Task.isCancelled, let following = await pool.choose(after: tried) else {
                do {
                    return try outcome.get()
                } catch {
                    throw Self.exhausted(error, tried: tried)
                }
            }
            endpoint = following
        }
    }

    /// The last endpoint's error, saying that the others failed too.
    private static func exhausted(_ error: any Error, tried: [FailoverEndpoint]) -> any Error {
        guard var failure = error as? HFError, tried.count > 1 else { return error }
        let names = tried.map(\.description).joined(separator: ", ")
        failure.recoverySuggestion = "Every endpoint tried failed (\(names)); this is the last one's error. "
            + failure.recoverySuggestion
        return failure
    }
}
