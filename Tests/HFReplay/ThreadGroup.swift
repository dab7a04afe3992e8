import Foundation

/// Counts the server's running threads so `shutdown()` can wait until they have all let go of
/// their sockets before the shared descriptors are closed.
final class ThreadGroup: @unchecked Sendable {
    private let condition = NSCondition()
    private var running = 0
    private var closed = false

    /// Registers a thread about to start; `false` once the group is closed (server stopping).
    func enter() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return false }
        running += 1
        return true
    }

    func leave() {
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Refuses new threads and waits for running ones; `false` if some were still running at the deadline.
    func closeAndWait(timeout: Duration) -> Bool {
        let deadline = Date().addingTimeInterval(Self.seconds(timeout))
        condition.lock()
        defer { condition.unlock() }
        closed = true
        while running > 0 {
            if !condition.wait(until: deadline) { break }
        }
        return running == 0
    }

    /// Starts `body` on a new thread registered with the group; `false` if the group is closed.
    @discardableResult
    func spawn(name: String, _ body: @escaping @Sendable () -> Void) -> Bool {
        guard enter() else { return false }
        let thread = Thread { [self] in
            body()
            leave()
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
        return true
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
