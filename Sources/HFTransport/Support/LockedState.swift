import Foundation

/// A value guarded by a lock.
///
/// `Synchronization.Mutex` would do, but it needs macOS 15 / iOS 18 and this package supports older
/// Apple systems; `NSLock` is a pthread mutex on every platform.
package final class LockedState<State>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    package init(_ state: State) {
        self.state = state
    }

    /// Runs `body` with exclusive access to the state. Keep `body` short: it holds the lock.
    @discardableResult
    package func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
