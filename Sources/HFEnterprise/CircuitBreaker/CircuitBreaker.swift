/// Stops calling a service that keeps failing, so callers fail fast instead of waiting on it and
/// the service gets room to recover.
///
/// - **closed**: calls go through; the breaker opens after ``Configuration/consecutiveFailures``
///   failures in a row, or when the ``Configuration/failureRate`` over a sliding window reaches its
///   threshold.
/// - **open**: every call fails at once with an ``HFError`` of category
///   ``HFError/Category/circuitOpen`` (its `retryAfter` is the time left) and nothing is sent,
///   for ``Configuration/openDuration``.
/// - **half-open**: at most ``Configuration/halfOpenProbes`` probe calls go through at once (the
///   rest fail fast); ``Configuration/successesToClose`` successes close the breaker, one failure
///   re-opens it.
///
/// Which errors count is ``Configuration/classify`` (by default server-side and transport
/// failures: ``Outcome/serverSide(_:)``). The open time is checked when the breaker is next
/// consulted (a call, ``state``); no task runs in the background.
///
/// ```swift
/// let breaker = try CircuitBreaker(.init(consecutiveFailures: 5, openDuration: .seconds(30)))
/// let answer = try await breaker.run {
///     try await client.inference.chat("Hi", model: .llama3_8BInstruct)
/// }
/// for await change in breaker.changes() { print(change) }   // closed → open, …
/// ```
///
/// For every call of a client, install ``CircuitBreakerMiddleware``.
public actor CircuitBreaker {
    /// Leave to make one call, from ``acquire()``; hand it back to ``record(_:_:)`` exactly once.
    public struct Permit: Sendable {
        /// The state period the permit was given in; an outcome from an earlier period is not
        /// counted (a slow call started while closed says nothing about the probes).
        fileprivate let period: Int
        /// The probe's number, in half-open.
        fileprivate let probe: Int?
    }

    private enum Phase {
        case closed
        case open(until: ContinuousClock.Instant, reason: String)
        case halfOpen(inFlight: Set<Int>, successes: Int)

        var state: State {
            switch self {
            case .closed: return .closed
            case .open: return .open
            case .halfOpen: return .halfOpen
            }
        }
    }

    /// The configuration, validated.
    public nonisolated let configuration: Configuration
    private let clock: any HFClock
    private let transitions = Broadcast<Transition>()

    private var phase = Phase.closed
    private var period = 0
    private var consecutiveFailures = 0
    private var window: OutcomeWindow
    private var nextProbe = 0

    /// A closed breaker. Throws a ``HFError/Category/validation`` error for settings under which it
    /// could never open or never close.
    public init(_ configuration: Configuration = Configuration(), clock: any HFClock = .system) throws(HFError) {
        try configuration.validate()
        self.init(validated: configuration, clock: clock)
    }

    init(validated configuration: Configuration, clock: any HFClock) {
        self.configuration = configuration
        self.clock = clock
        window = OutcomeWindow(configuration.failureRate?.window ?? .calls(1))
    }

    /// Every state change from now on, oldest first; the stream ends when the breaker is released.
    /// Each call makes a new stream, so any number of observers can follow (as with
    /// ``HealthChecker/changes()`` and ``ConfigurationStore/changes()``).
    public nonisolated func changes() -> AsyncStream<Transition> {
        transitions.subscribe()
    }

    /// The state now (an open breaker whose time is up becomes half-open when asked).
    public var state: State {
        let now = clock.now
        halfOpenIfDue(now)
        return phase.state
    }

    /// Runs `operation` if the breaker lets it through, and counts its outcome.
    ///
    /// Throws ``HFError/Category/circuitOpen`` without calling `operation` when the breaker is open,
    /// or half-open with every probe place taken; otherwise returns or rethrows what `operation` did.
    public nonisolated func run<Result: Sendable>(_ operation: @Sendable () async throws -> Result) async throws -> Result {
        let permit = try await acquire()
        do {
            let result = try await operation()
            await record(permit, .success)
            return result
        } catch {
            await record(permit, error: error)
            throw error
        }
    }

    /// Asks to make one call: a permit, or a ``HFError/Category/circuitOpen`` error. For callers that
    /// cannot wrap the call in ``run(_:)``; every permit must be recorded once, or a half-open
    /// breaker keeps its probe place taken.
    public func acquire() throws(HFError) -> Permit {
        let now = clock.now
        halfOpenIfDue(now)
        switch phase {
        case .closed:
            return Permit(period: period, probe: nil)
        case .open(let until, let reason):
            throw .circuitOpen("The circuit breaker is open after \(reason)", retryAfter: until - now)
        case .halfOpen(var inFlight, let successes):
            guard inFlight.count < configuration.halfOpenProbes else {
                throw .circuitOpen("The circuit breaker is half-open and its \(configuration.halfOpenProbes) probe call(s) are under way", retryAfter: nil)
            }
            nextProbe += 1
            inFlight.insert(nextProbe)
            phase = .halfOpen(inFlight: inFlight, successes: successes)
            return Permit(period: period, probe: nextProbe)
        }
    }

    /// Counts the outcome of the call `permit` allowed.
    public func record(_ permit: Permit, _ outcome: Outcome) {
        guard permit.period == period else { return }
        let now = clock.now
        switch phase {
        case .closed:
            recordClosed(outcome, at: now)
        case .open:
            return
        case .halfOpen(var inFlight, var successes):
            guard let probe = permit.probe, inFlight.remove(probe) != nil else { return }
            switch outcome {
            case .ignored:
                phase = .halfOpen(inFlight: inFlight, successes: successes)
            case .success:
                successes += 1
                if successes >= configuration.successesToClose {
                    move(to: .closed, at: now)
                } else {
                    phase = .halfOpen(inFlight: inFlight, successes: successes)
                }
            case .failure:
                open(at: now, reason: "a probe call failed")
            }
        }
    }

    /// Counts the call `permit` allowed as ended by `error`, classified by
    /// ``Configuration/classify``.
    public func record(_ permit: Permit, error: any Error) {
        record(permit, configuration.classify(error))
    }

    private func recordClosed(_ outcome: Outcome, at now: ContinuousClock.Instant) {
        switch outcome {
        case .ignored:
            return
        case .success:
            consecutiveFailures = 0
            window.record(failed: false, at: now)
        case .failure:
            consecutiveFailures += 1
            window.record(failed: true, at: now)
            if let limit = configuration.consecutiveFailures, consecutiveFailures >= limit {
                open(at: now, reason: "\(consecutiveFailures) consecutive failures")
            } else if let rate = configuration.failureRate, window.count >= rate.minimumCalls,
                Double(window.failures) >= rate.threshold * Double(window.count)
            {
                open(at: now, reason: "\(window.failures) failures in the last \(window.count) calls")
            }
        }
    }

    private func open(at now: ContinuousClock.Instant, reason: String) {
        move(to: .open(until: now + configuration.openDuration, reason: reason), at: now)
    }

    private func halfOpenIfDue(_ now: ContinuousClock.Instant) {
        if case .open(let until, _) = phase, until <= now {
            move(to: .halfOpen(inFlight: [], successes: 0), at: until)
        }
    }

    /// Enters `next`, starting a new period: the counts of the one before are dropped.
    private func move(to next: Phase, at instant: ContinuousClock.Instant) {
        let from = phase.state
        phase = next
        period += 1
        consecutiveFailures = 0
        window.reset()
        transitions.yield(Transition(from: from, to: next.state, at: instant))
    }
}
