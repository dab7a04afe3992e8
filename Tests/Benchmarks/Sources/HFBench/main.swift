// HFBench: the benchmark executable behind `Scripts/bench.sh` (see Docs/benchmarks.md).
//
//   HFBench run --fixtures DIR --python PY --peers peers.py --out Docs/benchmarks.md
//       runs every row: starts the server, runs each client in a process of its own, writes the report
//   HFBench serve --fixtures DIR
//       the loopback server; prints its port, then serves until killed
//   HFBench client <sequential|concurrent|stream|first-chunk> --impl <client> --server URL --fixtures DIR ...
//   HFBench compute <sse|embeddings|similarity> --runs N ...
//       one measurement; prints one JSON line
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

signal(SIGPIPE, SIG_IGN)
let options = Options(CommandLine.arguments.dropFirst())
do {
    switch (options.words.first, options.words.dropFirst().first) {
    case ("serve", _):
        let server = try BenchServer(recorded: Recorded(folder: URL(fileURLWithPath: try options.string("fixtures"))))
        FileHandle.standardOutput.write(Data("\(server.port)\n".utf8))
        server.run()
    case ("client", let workload?):
        print(try await NetworkWorkloads.run(workload, options: options).encoded())
    case ("compute", let workload?):
        print(try await ComputeWorkloads.run(workload, options: options).encoded())
    case ("run", _):
        try await Driver(options: options).run()
    default:
        throw BenchError("usage: HFBench run|serve|client <workload>|compute <workload> [--flag value ...]")
    }
} catch {
    FileHandle.standardError.write(Data("HFBench: \(error)\n".utf8))
    exit(1)
}
