/// Probes endpoints in the background, at an interval, and keeps a verdict on each: unhealthy
/// after a number of failed probes in a row, healthy again after a number of good ones. Nothing
/// runs until ``start()``; ``stop()`` cancels the probing, in-flight probes included.
///
/// A probe is any closure that throws when the endpoint is not well; a probe that gives no answer
/// within ``timeout`` is cancelled and counts as failed. ``httpGET(_:through:token:)`` makes one
/// that GETs a health route. A checker can feed a ``FailoverPool``, which then skips the
/// endpoints it finds down until it finds them up.
///
/// ```swift
/// let pool = FailoverPool(baseURLs: [primary, mirror])
/// let checker = HealthChecker(pool: pool, interval: .seconds(10), timeout: .seconds(2),
///                             probe: HealthChecker.httpGET("/health", through: client))
/// let watcher = Task { for await change in checker.changes() { print(change.endpoint, change.isHealthy ? "up" : "down") } }
/// await checker.start()
/// // … later:
/// await checker.stop()
/// watcher.cancel()       // the change streams end only when the checker is released
/// ```
public actor HealthChecker {
    /// Checks one endpoint: returns when it is well, throws when it is not. It should end soon
    /// after its task is cancelled (the checker cancels it at its timeout and at ``stop()``).
    public typealias Probe = @Sendable (FailoverEndpoint) async throws -> Void

    /// The endpoints probed, in order.
    public nonisolated let endpoints: [FailoverEndpoint]
    /// From the start of one round of probes to the start of the next.
    public nonisolated let interval: Duration
    /// How long a probe may take before it counts as failed.
    public nonisolated let timeout: Duration
    /// Failed probes in a row that make a healthy endpoint unhealthy.
    public nonisolated let unhealthyAfter: Int
    /// Good probes in a row that make an unhealthy endpoint healthy.
    public nonisolated let healthyAfter: Int

    private let probe: Probe
    private let clock: any HFClock
    private let pool: FailoverPool?
    private var statuses: [FailoverEndpoint: HealthStatus]
    private var loop: Task<Void, Never>?
    private let changeStream = Broadcast<HealthChange>()

    /// A checker of `endpoints`.
    ///
    /// - Parameters:
    ///   - endpoints: the endpoints to probe; duplicates are dropped.
    ///   - interval: from the start of one round of probes to the start of the next (10 ms to a
    ///     year; a value outside is taken to the nearer end).
    ///   - timeout: how long a probe may take before it is cancelled and counts as failed (the
    ///     same bounds).
    ///   - unhealthyAfter: failed probes in a row that make an endpoint unhealthy (at least 1).
    ///   - healthyAfter: good probes in a row that make it healthy again (at least 1).
    ///   - pool: a pool told of every change of verdict, or `nil`.
    ///   - clock: the clock intervals and timeouts are measured on.
    ///   - probe: checks one endpoint.
    public init(
        endpoints: [FailoverEndpoint],
        interval: Duration = .seconds(30),
        timeout: Duration = .seconds(5),
        unhealthyAfter: Int = 3,
        healthyAfter: Int = 2,
        feeding pool: FailoverPool? = nil,
        clock: any HFClock = .system,
        probe: @escaping Probe
    ) {
        var seen = Set<FailoverEndpoint>()
        self.endpoints = endpoints.filter { seen.insert($0).inserted }
        // A zero interval would probe without pause, a huge one overflow the clock's arithmetic.
        let bounds = Duration.milliseconds(10)...Duration.seconds(365 * 86_400)
        self.interval = min(max(interval, bounds.lowerBound), bounds.upperBound)
        self.timeout = min(max(timeout, bounds.lowerBound), bounds.upperBound)
        self.unhealthyAfter = max(1, unhealthyAfter)
        self.healthyAfter = max(1, healthyAfter)
        self.pool = pool
        self.clock = clock
        self.probe = probe
        statuses = Dictionary(uniqueKeysWithValues: self.endpoints.map { ($0, HealthStatus(endpoint: $0)) })
    }

    /// A checker of `pool`'s endpoints that feeds the pool, on the pool's clock.
    public init(
        pool: FailoverPool,
        interval: Duration = .seconds(30),
        timeout: Duration = .seconds(5),
        unhealthyAfter: Int = 3,
        healthyAfter: Int = 2,
        probe: @escaping Probe
    ) {
        self.init(
            endpoints: pool.endpoints, interval: interval, timeout: timeout, unhealthyAfter: unhealthyAfter,
            healthyAfter: healthyAfter, feeding: pool, clock: pool.clock, probe: probe
        )
    }

    deinit {
        loop?.cancel()
    }

    // MARK: Running

    /// Starts probing: a round at once, then one every ``interval``. Does nothing when running.
    public func start() {
        guard loop == nil else { return }
        loop = Task { [weak self, clock, interval] in
            while !Task.isCancelled {
                let round = clock.now
                // Held only for the round, so a checker nobody keeps stops (its deinit cancels this).
                guard await self?.checkNow() != nil else { return }
                do {
                    try await clock.sleep(until: round + interval)
                } catch {
                    return
                }
            }
        }
    }

    /// Stops probing and returns once the probing task has ended; in-flight probes are cancelled
    /// and their results dropped. ``start()`` starts again.
    public func stop() async {
        guard let loop else { return }
        self.loop = nil
        loop.cancel()
        await loop.value
    }

    /// Whether probing runs.
    public var isRunning: Bool { loop != nil }

    /// Probes every endpoint once, concurrently, now, and returns when each probe ended or timed
    /// out. ``start()`` runs this at every interval.
    public func checkNow() async {
        await withTaskGroup(of: (FailoverEndpoint, Result<Void, HFError>?).self) { group in
            for endpoint in endpoints {
                group.addTask { [probe, clock, timeout] in
                    (endpoint, await Self.outcome(of: probe, on: endpoint, timeout: timeout, clock: clock))
                }
            }
            for await (endpoint, outcome) in group {
                if let outcome { await record(outcome, for: endpoint) }
            }
        }
    }

    /// The probe's result, a timeout's failure, or `nil` when the round was cancelled.
    private static func outcome(of probe: @escaping Probe, on endpoint: FailoverEndpoint, timeout: Duration, clock: any HFClock) async -> Result<Void, HFError>? {
        await withTaskGroup(of: Result<Void, HFError>?.self) { group in
            group.addTask {
                do {
                    try await probe(endpoint)
                    return .success(())
                } catch {
                    return Task.isCancelled ? nil : .failure(failure(error, of: endpoint))
                }
            }
            group.addTask {
                do {
                    try await clock.sleep(for: timeout)
                } catch {
                    return nil
                }
                return .failure(HFError(
                    category: .timeout,
                    message: "The health probe of \(endpoint) gave no answer within \(timeout.formattedSeconds).",
                    recoverySuggestion: "Check that the endpoint is up and answers its health route quickly; raise the checker's timeout if it is merely slow."
                ))
            }
            // The first result decides; the other child is cancelled and awaited.
            defer { group.cancelAll() }
            while let next = await group.next() {
                if let outcome = next { return outcome }
            }
            return nil
        }
    }

    private static func failure(_ error: any Error, of endpoint: FailoverEndpoint) -> HFError {
        guard error is HFError || error is HTTPTransportError else {
            return .network("The health probe of \(endpoint) failed: \(error)", underlying: error)
        }
        return HFError(caught: error)
    }

    private func record(_ outcome: Result<Void, HFError>, for endpoint: FailoverEndpoint) async {
        guard var status = statuses[endpoint] else { return }
        let now = clock.now
        status.lastChecked = now
        var change: HealthChange?
        switch outcome {
        case .success:
            status.consecutiveSuccesses += 1
            status.consecutiveFailures = 0
            status.lastError = nil
            if !status.isHealthy, status.consecutiveSuccesses >= healthyAfter {
                status.isHealthy = true
                change = HealthChange(endpoint: endpoint, isHealthy: true, at: now, error: nil)
            }
        case .failure(let error):
            status.consecutiveFailures += 1
            status.consecutiveSuccesses = 0
            status.lastError = error
            if status.isHealthy, status.consecutiveFailures >= unhealthyAfter {
                status.isHealthy = false
                change = HealthChange(endpoint: endpoint, isHealthy: false, at: now, error: error)
            }
        }
        statuses[endpoint] = status
        guard let change else { return }
        // The pool first: whoever hears of the change finds the pool already told.
        await pool?.updateFromHealthCheck(endpoint, isHealthy: change.isHealthy)
        changeStream.yield(change)
    }

    // MARK: Observation

    /// What the checker knows of each endpoint, in order.
    public func status() -> [HealthStatus] {
        endpoints.compactMap { statuses[$0] }
    }

    /// The changes of verdict from now on, as they happen (the latest 64 kept for a slow reader).
    /// Each call makes a stream of its own; it ends when the checker is released.
    public nonisolated func changes() -> AsyncStream<HealthChange> {
        changeStream.subscribe()
    }
}
