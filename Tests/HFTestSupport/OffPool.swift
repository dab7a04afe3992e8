import Foundation

/// Runs CPU-heavy test work on a thread of its own, so it does not hold one of the few threads of
/// the test runner's cooperative pool while timing-sensitive tests run beside it.
public func offCooperativePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
