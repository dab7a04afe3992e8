import Foundation

/// One run of the built `hf`, with a clean environment: no token but the one given, and a home
/// directory of its own so that the machine's saved token is never found.
struct CommandRun {
    let status: Int32
    let stdout: String
    let stderr: String

    static let fakeToken = "hf_TESTcommandLine0123456789abcdefghij"

    static func environment(token: String?) -> [String: String] {
        var environment = ["HOME": FileManager.default.temporaryDirectory.appendingPathComponent("hf-cli-home").path]
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        environment["HF_TOKEN"] = token
        return environment
    }

    /// Runs `hf arguments` with pipes: standard error is not a terminal.
    static func pipes(_ arguments: [String], token: String? = fakeToken, input: String? = nil) throws -> CommandRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hf-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["in", "out", "err"].map { directory.appendingPathComponent($0) }
        try Data((input ?? "").utf8).write(to: files[0])
        for file in files.dropFirst() { try Data().write(to: file) }

        let process = Process()
        process.executableURL = try Launcher.executable(named: "hf")
        process.arguments = arguments
        process.environment = environment(token: token)
        process.standardInput = try FileHandle(forReadingFrom: files[0])
        process.standardOutput = try FileHandle(forWritingTo: files[1])
        process.standardError = try FileHandle(forWritingTo: files[2])
        try Launcher.run(process)
        process.waitUntilExit()
        return CommandRun(
            status: process.terminationStatus,
            stdout: try String(contentsOf: files[1], encoding: .utf8),
            stderr: try String(contentsOf: files[2], encoding: .utf8)
        )
    }

    /// What a terminal showed: each read from the pseudo-terminal's master side, in order.
    struct TerminalRun: Decodable {
        let status: Int32
        let reads: [String]

        /// Everything shown, with the terminal's `\r\n` line ends as `\n`, and without the
        /// "waiting for … N s" status line `hf` draws (and erases) if an answer is slow to start.
        var text: String { Self.output(in: reads.joined()) }

        /// What a read adds to the output, as ``text`` reads it.
        static func output(in read: String) -> String {
            read.replacingOccurrences(of: "\r\u{1B}\\[K(hf: waiting for [^\r]*)?", with: "", options: .regularExpression)
                .replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    /// Runs `hf arguments` with standard output and error on a pseudo-terminal (Python's `pty`),
    /// recording each read the terminal side made.
    static func terminal(_ arguments: [String], token: String? = fakeToken) throws -> TerminalRun {
        let script = """
        import json, os, pty, subprocess, sys
        master, slave = pty.openpty()
        child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
        os.close(slave)
        reads = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            reads.append(data.decode("utf-8", "replace"))
        print(json.dumps({"status": child.wait(), "reads": reads}))
        """
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, try Launcher.executable(named: "hf").path] + arguments
        process.environment = environment(token: token)
        process.standardOutput = output
        try Launcher.run(process)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(TerminalRun.self, from: data)
    }
}
