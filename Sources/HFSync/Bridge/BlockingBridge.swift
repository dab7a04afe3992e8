import Dispatch
import Foundation
import HFCore

/// The one bridge from blocking code to the async API: the work runs on a detached task (on the
/// global concurrent executor) while the calling thread waits on a semaphore for its result.
///
/// Waiting is only safe on a thread the work never needs. A thread of the Swift concurrency pool
/// is one the work may need (the pool has as many threads as cores, so a few blocked callers
/// starve it and nothing completes), and the main thread is the main actor's, which anything
/// `@MainActor` in the work (a middleware, a token provider, a logger) waits for. So the bridge
/// refuses both before starting anything (``BlockingContext``) rather than hang.
enum BlockingBridge {
    /// Runs `work` to completion and returns its result, or throws what it threw as an ``HFError``.
    /// `started` receives the task running the work as soon as it exists, so another thread can
    /// cancel it.
    static func wait<Value: Sendable>(
        _ operation: String,
        allowsMainThread: Bool,
        started: (Task<Void, Never>) -> Void = { _ in },
        _ work: @escaping @Sendable () async throws -> Value
    ) throws(HFError) -> Value {
        try BlockingContext.check(operation, allowsMainThread: allowsMainThread)
        let outcome = Outcome<Value>()
        let task = Task.detached {
            do {
                outcome.set(.success(try await work()))
            } catch {
                outcome.set(.failure(HFError(caught: error)))
            }
            outcome.done.signal()
        }
        started(task)
        outcome.done.wait()
        return try outcome.get()
    }
}

/// The result of the detached task, handed to the waiting thread. The semaphore orders the write
/// before the read; the lock makes that visible to the checker as well.
private final class Outcome<Value: Sendable>: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<Value, HFError>?

    func set(_ result: Result<Value, HFError>) {
        lock.withLock { self.result = result }
    }

    func get() throws(HFError) -> Value {
        // `wait` reads only after `done` was signalled, which follows `set` on every path.
        try lock.withLock { result! }.get()
    }
}
