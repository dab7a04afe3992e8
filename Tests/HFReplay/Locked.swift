import Foundation

/// A value guarded by a lock. Used for all shared mutable state so the public types can be `Sendable`
/// while the server's threads mutate them (`Synchronization.Mutex` needs macOS 15; the package targets 13).
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
