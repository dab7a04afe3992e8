import Foundation
import HFCore

/// Starts child processes one at a time: Foundation's `Process.run()` on Linux is not safe to call
/// from two threads at once (it crashed copying the environment in a CI run), and tests run in
/// parallel.
public enum ProcessLaunch {
    private static let spawning = LockedState(())

    /// Runs `process`, holding the process-wide spawn lock while it starts.
    public static func run(_ process: Process) throws {
        try spawning.withLock { _ in try process.run() }
    }
}
