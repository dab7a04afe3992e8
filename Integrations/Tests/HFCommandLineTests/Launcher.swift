import Foundation

/// Starts child processes one at a time: Foundation's `Process.run()` on Linux is not safe to call
/// from two threads at once (the root package's busy-wait tests met the same crash).
enum Launcher {
    private static let lock = NSLock()

    static func run(_ process: Process) throws {
        try lock.withLock { try process.run() }
    }

    /// The repository's root: the package the Integrations package depends on.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file beside this test bundle, or in one of the directories above it.
    static func executable(named name: String) throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name) next to \(CommandLine.arguments[0])"])
    }
}
