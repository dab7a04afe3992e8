import Foundation

/// The root package's `HFReplayServe`, serving recorded traffic in a child process: this package
/// sees only the library's products, so it cannot link the replay server itself.
///
/// The executable is built once per test run, with its own scratch directory
/// (`Integrations/.build-replay`), unless `HF_REPLAY_SERVE` names one already built.
final class ReplayProcess {
    /// One request the server received, as `HFReplayServe` reports it.
    struct Request: Decodable {
        let method: String
        let path: String
        let query: [String]
        let authorization: String?
        let body: String

        func json() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
        }
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    /// `http://127.0.0.1:PORT`
    let baseURL: String

    /// Starts `HFReplayServe` with `arguments` (`--case STEM`, `--rule …`; see its main.swift).
    init(_ arguments: [String]) throws {
        process.executableURL = try Self.executable.get()
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        try Launcher.run(process)
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        baseURL = String(decoding: line, as: UTF8.self)
        guard baseURL.hasPrefix("http://") else { throw CocoaError(.executableLoad, userInfo: [NSDebugDescriptionErrorKey: "HFReplayServe did not start"]) }
    }

    /// Where requests for a live-service host go, e.g. `url(forHost: "router.huggingface.co")`.
    func url(forHost host: String) -> String {
        baseURL + "/" + host
    }

    /// Stops the server and returns the requests it received, in order.
    func finish() throws -> [Request] {
        try input.fileHandleForWriting.close()
        let lines = output.fileHandleForReading.readDataToEndOfFile().split(separator: UInt8(ascii: "\n"))
        process.waitUntilExit()
        return try lines.map { try JSONDecoder().decode(Request.self, from: Data($0)) }
    }

    private static let executable: Result<URL, any Error> = Result {
        if let built = ProcessInfo.processInfo.environment["HF_REPLAY_SERVE"] { return URL(fileURLWithPath: built) }
        let scratch = Launcher.repositoryRoot.appendingPathComponent("Integrations/.build-replay")
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--package-path", Launcher.repositoryRoot.path, "--scratch-path", scratch.path, "--product", "HFReplayServe"]
        build.standardOutput = FileHandle.nullDevice
        try Launcher.run(build)
        build.waitUntilExit()
        guard build.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSDebugDescriptionErrorKey: "swift build --product HFReplayServe failed"])
        }
        return scratch.appendingPathComponent("debug/HFReplayServe")
    }
}
