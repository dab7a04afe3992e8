import Foundation

/// What every row needs to run its processes: where things are, the running server, how many runs.
struct Bench {
    /// This executable, to start client processes.
    let executable: String
    let fixtures: String
    let python: String
    let peers: String
    /// The benchmark server's root URL, `http://127.0.0.1:PORT`.
    let server: String
    /// Where generated inputs are written for the Swift and Python processes to read alike.
    let scratch: URL
    /// Fewer runs and smaller inputs, to check the script quickly (the report says so).
    let quick: Bool

    /// Runs per figure: `full`, or 2 in a quick run.
    func runs(_ full: Int) -> Int {
        quick ? min(full, 2) : full
    }

    /// One Swift client process running `workload` with `impl`.
    func client(_ workload: String, _ impl: ClientKind, _ arguments: [String] = []) throws -> ClientResult {
        try ChildProcess.result([executable, "client", workload, "--impl", impl.rawValue, "--server", server, "--fixtures", fixtures] + arguments)
    }

    /// One Swift compute process.
    func compute(_ workload: String, _ arguments: [String]) throws -> ClientResult {
        try ChildProcess.result([executable, "compute", workload, "--fixtures", fixtures] + arguments)
    }

    /// One Python peer process.
    func peer(_ workload: String, _ arguments: [String]) throws -> ClientResult {
        try ChildProcess.result([python, peers, workload] + arguments)
    }

    /// Compute workloads (ours in Swift, peers in Python) run in turn for `rounds` rounds, each
    /// process timing several runs: every implementation's run times pooled, and the last result
    /// of each process (for its counts and answers).
    func pooled(_ rounds: Int, _ processes: [() throws -> ClientResult]) throws -> (timings: [String: [Double]], results: [ClientResult]) {
        var timings: [String: [Double]] = [:]
        var results: [ClientResult] = []
        for _ in 0..<rounds {
            results = try processes.map { try $0() }
            for result in results {
                for (impl, seconds) in result.runs ?? [:] { timings[impl, default: []] += seconds }
            }
        }
        return (timings, results)
    }

    /// Runs `body` `rounds` times; each round runs every implementation once, in the same order,
    /// so drift on the machine touches all of them alike. Returns each implementation's results.
    func interleaved<Key: Hashable>(_ rounds: Int, _ keys: [Key], _ body: (Key) throws -> ClientResult) rethrows -> [Key: [ClientResult]] {
        var results: [Key: [ClientResult]] = [:]
        for _ in 0..<rounds {
            for key in keys { results[key, default: []].append(try body(key)) }
        }
        return results
    }
}

extension Array where Element == ClientResult {
    /// The median of `value` over the results.
    func median(_ value: (ClientResult) -> Double) -> Double {
        HFBench.median(map(value))
    }
}
