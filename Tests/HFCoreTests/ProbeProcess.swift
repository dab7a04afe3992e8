import Foundation

import HFTestSupport

/// Runs a probe executable (`HFWaitProbe`, `HFConnectionProbe`) built next to this test bundle and
/// returns what it printed. Probes measure a whole process (its CPU, its open files), which other
/// tests running in this one would disturb.
enum ProbeProcess {
    /// The executable `name`, built next to this test bundle.
    static func executable(_ name: String) throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name) next to \(CommandLine.arguments[0])"])
    }

    /// Runs `name` with `arguments` without blocking a thread of the test runner's small
    /// cooperative pool, where a blocked thread would stall the timing-sensitive tests beside it.
    /// Returns its standard output and exit status.
    static func run(_ name: String, _ arguments: [String]) async throws -> (output: Data, status: Int32) {
        let process = Process()
        process.executableURL = try executable(name)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        let data: Data = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { _ in
                continuation.resume(returning: output.fileHandleForReading.readDataToEndOfFile())
            }
            do {
                try ProcessLaunch.run(process)
            } catch {
                continuation.resume(throwing: error)
            }
        }
        return (data, process.terminationStatus)
    }
}
