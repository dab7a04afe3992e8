import Foundation

/// `HFBench run`: starts the server, measures every row with fresh client processes, and writes
/// the report.
struct Driver {
    let options: Options

    func run() async throws {
        let fixtures = try options.string("fixtures")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hfbench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let server = try ChildProcess([executable, "serve", "--fixtures", fixtures])
        defer { server.terminate() }
        let port = try server.readLine()
        let bench = Bench(
            executable: executable, fixtures: fixtures, python: try options.string("python"), peers: try options.string("peers"),
            server: "http://127.0.0.1:\(port)", scratch: scratch, quick: options.string("quick", default: "no") == "yes"
        )

        let rows: [(String, (Bench) throws -> RowReport)] = [
            ("B1", B1Sequential.measure), ("B2", B2Streaming.measure), ("B3", B3Embeddings.measure),
            ("B4", B4Concurrency.measure), ("B5", B5Similarity.measure), ("B6", B6Waiting.measure),
        ]
        let only = options.string("rows", default: "B1,B2,B3,B4,B5,B6").split(separator: ",").map(String.init)
        var reports: [RowReport] = []
        for (id, measure) in rows where only.contains(id) {
            log("\(id)…")
            let started = Span()
            reports.append(try measure(bench))
            log("\(id) done in \(Int(started.wallSeconds)) s")
        }
        let report = Report(rows: reports, environment: try Environment(options: options, python: bench.python, peers: bench.peers), quick: bench.quick)
        try Data(report.markdown().utf8).write(to: URL(fileURLWithPath: try options.string("out")))
        for verdict in reports.flatMap(\.verdicts) { log("\(verdict.target): \(verdict.measured) → \(verdict.outcomeText)") }
    }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data("bench: \(text)\n".utf8))
    }
}
