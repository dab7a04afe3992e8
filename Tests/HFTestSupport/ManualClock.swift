import HFEnterprise

/// A clock that moves only when a test advances it, so state machines that wait are tested without
/// sleeps that decide an outcome.
///
/// ```swift
/// let clock = ManualClock()
/// let waiting = Task { try await clock.sleep(for: .seconds(5)) }
/// await clock.waitForSleepers(1)          // the task is now asleep on the clock
/// clock.advance(by: .seconds(5))          // and wakes
/// ```
public final class ManualClock: HFClock {
    /// One sleep: its deadline, and the continuation to resume once, by the clock or by cancellation.
    private final class Sleeper: Sendable {
        struct State {
            var continuation: CheckedContinuation<Void, any Error>?
            var cancelled = false
        }

        let deadline: ContinuousClock.Instant
        let state = LockedState(State())

        init(deadline: ContinuousClock.Instant) {
            self.deadline = deadline
        }

        /// The continuation, taken so that it is resumed once.
        func take() -> CheckedContinuation<Void, any Error>? {
            state.withLock { state in
                defer { state.continuation = nil }
                return state.continuation
            }
        }
    }

    private struct State {
        var now: ContinuousClock.Instant
        var sleepers: [Sleeper] = []
    }

    private let state: LockedState<State>

    /// A clock starting at the current instant of the continuous clock.
    public init(now: ContinuousClock.Instant = .now) {
        state = LockedState(State(now: now))
    }

    public var now: ContinuousClock.Instant {
        state.withLock { $0.now }
    }

    /// How many tasks are asleep on the clock.
    public var sleeperCount: Int {
        state.withLock { $0.sleepers.count }
    }

    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        let sleeper = Sleeper(deadline: deadline)
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled = sleeper.state.withLock { state -> Bool in
                    if !state.cancelled { state.continuation = continuation }
                    return state.cancelled
                }
                if cancelled { return continuation.resume(throwing: CancellationError()) }
                let due = state.withLock { state -> Bool in
                    if deadline <= state.now { return true }
                    state.sleepers.append(sleeper)
                    return false
                }
                if due { sleeper.take()?.resume() }
            }
        } onCancel: {
            sleeper.state.withLock { $0.cancelled = true }
            state.withLock { $0.sleepers.removeAll { $0 === sleeper } }
            sleeper.take()?.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward by `duration` and wakes every sleeper whose deadline has come, the
    /// earliest first.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now + duration
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.take()?.resume() }
    }

    /// Returns `true` once at least `count` tasks are asleep on the clock (polling, without
    /// advancing it), or `false` after `timeout` of real time, so a test that waits for a sleeper
    /// that never comes fails instead of hanging.
    @discardableResult
    public func waitForSleepers(_ count: Int, timeout: Duration = .seconds(30)) async -> Bool {
        let giveUp = ContinuousClock.now + timeout
        while sleeperCount < count {
            guard ContinuousClock.now < giveUp else { return false }
            await Task.yield()
            try? await Task.sleep(for: .milliseconds(1))
        }
        return true
    }
}
