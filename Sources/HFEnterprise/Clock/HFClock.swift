/// Time as the production primitives see it: the system's continuous clock in production, a manual
/// one in tests, so that every state machine (backoff, breaker, buckets, probes, TTLs) is
/// deterministic under test. Instants are `ContinuousClock.Instant`s, as in
/// ``HFRequestContext/deadline``.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 3)
/// let answer = try await policy.run(clock: SystemClock()) { _ in
///     try await client.inference.chat("Hi", model: .llama3_8BInstruct)
/// }
/// ```
public protocol HFClock: Sendable {
    /// The current instant.
    var now: ContinuousClock.Instant { get }
    /// Suspends until `deadline`; throws `CancellationError` when the task is cancelled first.
    func sleep(until deadline: ContinuousClock.Instant) async throws
}

extension HFClock {
    /// Suspends for `duration` from now.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now + duration)
    }
}

/// The system's continuous clock, which keeps counting while the machine sleeps.
///
/// ```swift
/// let clock = SystemClock()
/// try await clock.sleep(until: clock.now + .seconds(1))
/// ```
public struct SystemClock: HFClock {
    /// The system's clock.
    public init() {}

    /// The continuous clock's current instant.
    public var now: ContinuousClock.Instant { .now }

    /// Sleeps on the continuous clock; a deadline more than a year away sleeps a year at a time,
    /// so no duration, however large, can overflow the system's timer.
    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        let longest = Duration.seconds(365 * 86_400)
        while deadline - .now > longest {
            try await Task.sleep(until: .now + longest, clock: .continuous)
        }
        try await Task.sleep(until: deadline, clock: .continuous)
    }
}

extension HFClock where Self == SystemClock {
    /// The system's continuous clock.
    public static var system: SystemClock { SystemClock() }
}
