/// Puts every call of a client behind a ``CircuitBreaker``: one for all calls, or one per provider.
///
/// It works at the operation level: a call the breaker refuses fails with
/// ``HFError/Category/circuitOpen`` before its route is resolved, so nothing at all is sent (no Hub
/// look-up either). A streamed call counts as a success once its response head has arrived; a
/// stream that breaks later is not counted.
///
/// ```swift
/// let breakers = try CircuitBreakerMiddleware(perProvider: .init(consecutiveFailures: 3, openDuration: .seconds(20)))
/// let client = HFClient(middleware: [breakers])
/// // later: how is together doing?
/// let state = await breakers.breaker(for: .together).state
/// ```
///
/// Per provider, the key is ``HFRequestContext/provider`` as the call starts: inference calls that
/// leave the choice to the router (no provider named) share one breaker, and calls for no task
/// (Hub look-ups, raw requests) are not guarded. A call counts once: an operation it starts
/// inside itself (the Hub look-up of the provider's model id) is not guarded again by the same
/// breaker, and its failure counts for nothing (the Hub is not the provider). A call answered by a
/// ``CacheMiddleware`` counts for nothing either; health probes pass unguarded. A failover
/// middleware installed before this one sees the open breaker's error and moves the call to
/// another provider, whose breaker then decides.
public struct CircuitBreakerMiddleware: HFMiddleware {
    private enum Breakers: Sendable {
        case shared(CircuitBreaker)
        case perProvider(CircuitBreaker.Configuration, any HFClock, LockedState<[Provider?: CircuitBreaker]>)
    }

    private let breakers: Breakers

    /// Every call goes through `breaker`.
    public init(_ breaker: CircuitBreaker) {
        breakers = .shared(breaker)
    }

    /// Each provider gets its own breaker with `configuration`, made on its first call. Throws a
    /// ``HFError/Category/validation`` error for a configuration a breaker would refuse.
    public init(perProvider configuration: CircuitBreaker.Configuration, clock: any HFClock = .system) throws(HFError) {
        try configuration.validate()
        breakers = .perProvider(configuration, clock, LockedState([:]))
    }

    /// The breaker that decides calls to `provider` (`nil`: calls where the router chooses), to
    /// read its state or follow its changes.
    public func breaker(for provider: Provider?) -> CircuitBreaker {
        switch breakers {
        case .shared(let breaker):
            return breaker
        case .perProvider(let configuration, let clock, let table):
            return table.withLock { table in
                if let breaker = table[provider] { return breaker }
                let breaker = CircuitBreaker(validated: configuration, clock: clock)
                table[provider] = breaker
                return breaker
            }
        }
    }

    public func interceptOperation<Result: Sendable>(
        _ context: HFRequestContext,
        next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        // Health probes must reach what they check; a nested Hub look-up is the call's dependency.
        if context.operation == .healthProbe { return try await next(context) }
        if case .perProvider = breakers, context.task == nil { return try await OperationTrace.passDependency(context, next) }
        let breaker = breaker(for: context.provider)
        guard !CallHold.isHeld(breaker) else { return try await OperationTrace.passDependency(context, next) }
        return try await CallHold.holding(breaker) {
            let permit = try await breaker.acquire()
            return try await OperationTrace.tracing { trace in
                do {
                    let result = try await next(context)
                    // An answer from the cache says nothing of the service's health.
                    await breaker.record(permit, trace.servedFromCache ? .ignored : .success)
                    return result
                } catch {
                    // A Hub outage is not the provider's failure.
                    if trace.dependencyFailed { await breaker.record(permit, .ignored) } else { await breaker.record(permit, error: error) }
                    throw error
                }
            }
        }
    }
}
