import HFCore
import HFEnterprise
import HFTestSupport
import Testing

/// A manual clock that jumps to the end of every wait at once and keeps a list of the waits, so a
/// storm of retried calls runs in no real time while its backoff is still measured exactly.
final class SkippingClock: HFClock {
    let manual = ManualClock()
    private let recorded = LockedState<[Duration]>([])

    var now: ContinuousClock.Instant { manual.now }

    /// Every wait asked for, in order.
    var waits: [Duration] { recorded.withLock { $0 } }

    func sleep(until deadline: ContinuousClock.Instant) async throws {
        try Task.checkCancellation()
        let wait = max(deadline - manual.now, .zero)
        recorded.withLock { $0.append(wait) }
        manual.advance(by: wait)
    }
}

extension HFError {
    /// An error of `category` with the fields a retry policy reads, as a server's answer would set them.
    static func failure(
        _ category: Category, status: Int? = nil, retryAfter: Duration? = nil, estimatedTime: Duration? = nil
    ) -> HFError {
        var error = HFError(category: category, message: "test failure")
        error.status = status
        error.retryAfter = retryAfter
        error.estimatedTime = estimatedTime
        return error
    }
}

extension RetryPolicy.RandomSource {
    /// Always `fraction`: every backoff is that share of its bound.
    static func fixed(_ fraction: Double) -> Self {
        Self(fraction: { fraction })
    }
}

/// Cancels `task` once it is asleep on `clock`, and returns the ``HFError`` it ended with (`nil`,
/// with an issue recorded, if it ended otherwise).
func cancelWhileWaiting<Success>(_ task: Task<Success, any Error>, on clock: ManualClock) async -> HFError? {
    await clock.waitForSleepers(1)
    task.cancel()
    let outcome = await task.result
    guard case .failure(let error as HFError) = outcome else {
        Issue.record("expected an HFError, got \(outcome)")
        return nil
    }
    return error
}
