import Foundation
import HFFull

/// Shows on standard error that a call is still waiting (a cold model loading, a long generation)
/// and why it is being tried again. Installed only when standard error is a terminal, inside the
/// retry middleware so that it sees each attempt.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 3)
/// let client = HFClient(middleware: [RetryMiddleware(policy: policy), WaitProgress(policy: policy)])
/// ```
///
/// After a second without an answer, one status line counts the seconds, redrawn in place and
/// erased when the answer (or a stream's first bytes) arrives, so it never mixes with the output.
struct WaitProgress: HFMiddleware {
    /// The retry policy in force, to tell a failure that will be tried again from a final one.
    let policy: RetryPolicy

    /// Set while an operation shows its progress: calls it makes (a provider-mapping look-up) stay quiet.
    @TaskLocal private static var isShowing = false

    func interceptOperation<Result: Sendable>(
        _ context: HFRequestContext,
        next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        guard !Self.isShowing else { return try await next(context) }
        let label = context.model?.rawValue ?? context.operation.rawValue
        let ticker = Task { await Self.count(waitingFor: label) }
        do {
            let result = try await Self.$isShowing.withValue(true) { try await next(context) }
            ticker.cancel()
            await ticker.value
            return result
        } catch {
            ticker.cancel()
            await ticker.value
            if let error = error as? HFError, context.attempt < policy.maxAttempts, policy.isRetryable(error) {
                Console.err("hf: \(Self.reason(error, model: label)); trying again (attempt \(context.attempt + 1) of \(policy.maxAttempts))…")
            }
            throw error
        }
    }

    /// Redraws "waiting for … N s" every second until cancelled, then erases it.
    private static func count(waitingFor label: String) async {
        let start = ContinuousClock.now
        var shown = false
        while (try? await Task.sleep(for: .seconds(1))) != nil {
            Console.errInPlace("\r\u{1B}[Khf: waiting for \(label)… \((ContinuousClock.now - start).components.seconds) s")
            shown = true
        }
        if shown { Console.errInPlace("\r\u{1B}[K") }
    }

    private static func reason(_ error: HFError, model: String) -> String {
        if error.category == .modelUnavailable, let estimate = error.estimatedTime {
            return "\(model) is loading (about \(estimate.components.seconds) s)"
        }
        return "\(error.message) (\(error.category)\(error.status.map { ", status \($0)" } ?? ""))"
    }
}
