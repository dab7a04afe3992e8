import Foundation
import HFCore

/// One of the Python servers in `Tests/Harness/servers.py` (TLS front, CONNECT proxy, HTTP/2
/// front), running as a child process on a loopback port. They add transport layers only; the
/// responses are the replay server's recorded ones.
///
/// ```swift
/// let front = try await HarnessServer.start(["tls-front", "--cert", ca.serverCertificate.path,
///                                             "--key", ca.serverKey.path, "--upstream", "\(replay.port)"])
/// let url = URL(string: "https://127.0.0.1:\(front.port)/router.huggingface.co/v1/chat/completions")!
/// ```
///
/// The server ends when this object goes away, and also when the test process dies: it exits as
/// soon as its standard input, a pipe held here, closes.
public final class HarnessServer: @unchecked Sendable {
    /// The loopback port it listens on.
    public let port: Int
    private let process: Process
    private let input: Pipe

    /// `Tests/Harness/servers.py`, found from this source file.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Harness/servers.py")

    private init(port: Int, process: Process, input: Pipe) {
        self.port = port
        self.process = process
        self.input = input
    }

    deinit {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }

    /// Starts `servers.py` with `arguments` and returns once it listens.
    public static func start(_ arguments: [String]) async throws -> HarnessServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        let port: Int = try await withCheckedThrowingContinuation { continuation in
            let pending = LockedState<(text: String, continuation: CheckedContinuation<Int, any Error>?)>(("", continuation))
            // Reads until the "PORT <n>" line, or the end of output if the script fails first.
            output.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                let result: Result<Int, any Error>? = pending.withLock { state in
                    state.text += String(decoding: data, as: UTF8.self)
                    if let line = state.text.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }), let port = Int(line.dropFirst(5)) {
                        return .success(port)
                    }
                    return data.isEmpty ? .failure(HarnessError(description: "servers.py \(arguments.first ?? "") exited before listening: \(state.text)")) : nil
                }
                guard let result, let waiting = pending.withLock({ state in defer { state.continuation = nil }; return state.continuation }) else { return }
                handle.readabilityHandler = nil
                waiting.resume(with: result)
            }
            do {
                try ProcessLaunch.run(process)
            } catch {
                output.fileHandleForReading.readabilityHandler = nil
                pending.withLock { state in defer { state.continuation = nil }; return state.continuation }?.resume(throwing: error)
            }
        }
        return HarnessServer(port: port, process: process, input: input)
    }
}

/// A harness server or its certificates could not be set up.
public struct HarnessError: Error, CustomStringConvertible {
    public let description: String
}
