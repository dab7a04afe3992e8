import Foundation

/// The endpoints a call can fail over between, and what is known of their health: each endpoint
/// that failed (a 5xx, a 429, a network failure, a timeout, a model that cannot be served) sits
/// out a cool-down, and one a ``HealthChecker`` reports down sits out until it reports it up.
///
/// ``FailoverMiddleware`` uses a pool for a client's calls; a pool can also be used directly:
///
/// ```swift
/// let pool = FailoverPool(providers: [.together, .hfInference], coolDown: .seconds(30))
/// let endpoint = await pool.choose()                       // the first healthy provider
/// do {
///     let reply = try await client.inference.chat(request, via: .provider(endpoint.provider!))
///     await pool.recordSuccess(endpoint)
/// } catch {
///     await pool.recordFailure(endpoint)                    // skipped for 30 s
/// }
/// ```
///
/// When every endpoint is unhealthy, a new call is still given the one that recovers soonest
/// rather than failing without trying.
public actor FailoverPool {
    /// What the pool knows of one endpoint.
    ///
    /// ```swift
    /// for status in await pool.status() where !status.isHealthy {
    ///     print(status.endpoint, status.consecutiveFailures)
    /// }
    /// ```
    public struct EndpointStatus: Sendable, Equatable {
        /// The endpoint.
        public let endpoint: FailoverEndpoint
        /// Whether calls are given this endpoint: neither in a cool-down nor reported down by a
        /// health check.
        public let isHealthy: Bool
        /// The end of the cool-down after its last failure, if that is still to come.
        public let coolingUntil: ContinuousClock.Instant?
        /// Whether a ``HealthChecker`` feeding the pool last reported it down.
        public let isDownPerHealthCheck: Bool
        /// Failures since it last answered.
        public let consecutiveFailures: Int
    }

    private struct Health {
        var coolingUntil: ContinuousClock.Instant?
        var isDownPerHealthCheck = false
        var consecutiveFailures = 0

        func isHealthy(at now: ContinuousClock.Instant) -> Bool {
            !isDownPerHealthCheck && (coolingUntil.map { $0 <= now } ?? true)
        }
    }

    /// The endpoints, in the pool's order (the priority order of ``FailoverStrategy/priority``).
    public nonisolated let endpoints: [FailoverEndpoint]
    /// How endpoints are offered to calls.
    public nonisolated let strategy: FailoverStrategy
    /// How long a failed endpoint is skipped (longer when its answer asked for a longer wait).
    public nonisolated let coolDown: Duration
    /// The clock cool-downs are measured on.
    nonisolated let clock: any HFClock

    private var health: [FailoverEndpoint: Health]
    /// Round-robin: the index the next call starts at.
    private var cursor = 0
    /// Sticky: the endpoint that last answered.
    private var lastAnswered: FailoverEndpoint?
    /// Random: the generator, advanced by every draw.
    private var generator: (any RandomNumberGenerator & Sendable)?

    /// A pool of providers: ``FailoverMiddleware`` moves a call to the next provider, resolving it
    /// anew (route, the provider's model id, body).
    ///
    /// - Parameters:
    ///   - providers: at least one; duplicates are dropped.
    ///   - strategy: how providers are offered to calls.
    ///   - coolDown: how long a provider that failed is skipped; a `Retry-After` or an
    ///     `estimated_time` in its answer makes it longer.
    ///   - clock: the clock cool-downs are measured on.
    public init(providers: [Provider], strategy: FailoverStrategy = .priority, coolDown: Duration = .seconds(30), clock: any HFClock = .system) {
        self.init(endpoints: providers.map(FailoverEndpoint.provider), strategy: strategy, coolDown: coolDown, clock: clock)
    }

    /// A pool of mirrored servers: ``FailoverMiddleware`` moves each request addressed to one of
    /// `baseURLs` (same scheme, host and port, path under the base's path) to the chosen one.
    ///
    /// - Parameters:
    ///   - baseURLs: at least one; duplicates are dropped.
    ///   - strategy: how servers are offered to calls.
    ///   - coolDown: how long a server that failed is skipped; a `Retry-After` or an
    ///     `estimated_time` in its answer makes it longer.
    ///   - clock: the clock cool-downs are measured on.
    public init(baseURLs: [URL], strategy: FailoverStrategy = .priority, coolDown: Duration = .seconds(30), clock: any HFClock = .system) {
        self.init(endpoints: baseURLs.map(FailoverEndpoint.baseURL), strategy: strategy, coolDown: coolDown, clock: clock)
    }

    private init(endpoints: [FailoverEndpoint], strategy: FailoverStrategy, coolDown: Duration, clock: any HFClock) {
        precondition(!endpoints.isEmpty, "A failover pool needs at least one endpoint")
        var seen = Set<FailoverEndpoint>()
        self.endpoints = endpoints.filter { seen.insert($0).inserted }
        self.strategy = strategy
        self.coolDown = coolDown
        self.clock = clock
        health = Dictionary(uniqueKeysWithValues: self.endpoints.map { ($0, Health()) })
        if case .random(let generator) = strategy.kind { self.generator = generator }
    }

    // MARK: Choosing

    /// The endpoint a new call tries first: the strategy's choice among the healthy endpoints, or,
    /// when every endpoint is unhealthy, the one whose cool-down ends soonest (one reported down
    /// by a health check comes last) rather than none.
    public func choose() -> FailoverEndpoint {
        let now = clock.now
        let candidates = ordered(from: nil)
        let first = pick(among: candidates, now: now) ?? soonestRecovering(candidates, now: now)
        if case .roundRobin = strategy.kind, let index = endpoints.firstIndex(of: first) {
            cursor = (index + 1) % endpoints.count
        }
        return first
    }

    /// The endpoint a call tries next after those it has tried (in the order tried): the next
    /// healthy one in the strategy's order, or `nil` when none is left.
    public func choose(after tried: [FailoverEndpoint]) -> FailoverEndpoint? {
        guard let first = tried.first else { return choose() }
        return pick(among: ordered(from: first).filter { !tried.contains($0) }, now: clock.now)
    }

    /// The strategy's choice among the healthy ones of `candidates`.
    private func pick(among candidates: [FailoverEndpoint], now: ContinuousClock.Instant) -> FailoverEndpoint? {
        let healthy = candidates.filter { health[$0]?.isHealthy(at: now) ?? false }
        guard !healthy.isEmpty, var generator else { return healthy.first }
        defer { self.generator = generator }
        return healthy[Int.random(in: healthy.indices, using: &generator)]
    }

    /// The endpoints in the strategy's order for a call that started with `first` (`nil`: a new call).
    private func ordered(from first: FailoverEndpoint?) -> [FailoverEndpoint] {
        switch strategy.kind {
        case .priority, .random:
            return endpoints
        case .roundRobin:
            let start = first.flatMap { endpoints.firstIndex(of: $0) } ?? cursor
            return Array(endpoints[start...] + endpoints[..<start])
        case .sticky:
            guard let lastAnswered else { return endpoints }
            return [lastAnswered] + endpoints.filter { $0 != lastAnswered }
        }
    }

    private func soonestRecovering(_ candidates: [FailoverEndpoint], now: ContinuousClock.Instant) -> FailoverEndpoint {
        // `min(by:)` keeps the first of equals, so ties go by the strategy's order; a pool is never empty.
        candidates.min { left, right in
            let (a, b) = (health[left] ?? Health(), health[right] ?? Health())
            if a.isDownPerHealthCheck != b.isDownPerHealthCheck { return !a.isDownPerHealthCheck }
            return (a.coolingUntil ?? now) < (b.coolingUntil ?? now)
        } ?? endpoints[0]
    }

    // MARK: Outcomes

    /// Records that `endpoint` answered: its cool-down ends, and a sticky pool keeps it.
    public func recordSuccess(_ endpoint: FailoverEndpoint) {
        guard health[endpoint] != nil else { return }
        health[endpoint]?.coolingUntil = nil
        health[endpoint]?.consecutiveFailures = 0
        lastAnswered = endpoint
    }

    /// Records that `endpoint` failed in a way that says the endpoint is at fault: it is skipped
    /// for the pool's ``coolDown``, or for `retryAfter` when that is longer (the server said when
    /// to come back).
    public func recordFailure(_ endpoint: FailoverEndpoint, retryAfter: Duration? = nil) {
        guard health[endpoint] != nil else { return }
        // A server's wait counts, up to ten cool-downs: no reply can sideline an endpoint for a day.
        health[endpoint]?.coolingUntil = clock.now + max(coolDown, min(retryAfter ?? .zero, coolDown * 10))
        health[endpoint]?.consecutiveFailures += 1
        if lastAnswered == endpoint { lastAnswered = nil }
    }

    /// Takes a health check's verdict: an endpoint reported down is skipped until it is reported
    /// up; one reported up is healthy at once, its cool-down forgotten. ``HealthChecker`` calls
    /// this for a pool it feeds.
    public func updateFromHealthCheck(_ endpoint: FailoverEndpoint, isHealthy: Bool) {
        guard health[endpoint] != nil else { return }
        health[endpoint]?.isDownPerHealthCheck = !isHealthy
        if isHealthy {
            health[endpoint]?.coolingUntil = nil
            health[endpoint]?.consecutiveFailures = 0
        }
    }

    // MARK: Observation

    /// Whether calls are given `endpoint` now.
    public func isHealthy(_ endpoint: FailoverEndpoint) -> Bool {
        health[endpoint]?.isHealthy(at: clock.now) ?? false
    }

    /// What the pool knows of each endpoint, in the pool's order.
    public func status() -> [EndpointStatus] {
        let now = clock.now
        return endpoints.map { endpoint in
            let known = health[endpoint] ?? Health()
            return EndpointStatus(
                endpoint: endpoint,
                isHealthy: known.isHealthy(at: now),
                coolingUntil: known.coolingUntil.flatMap { $0 > now ? $0 : nil },
                isDownPerHealthCheck: known.isDownPerHealthCheck,
                consecutiveFailures: known.consecutiveFailures
            )
        }
    }
}
