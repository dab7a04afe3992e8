import Foundation

/// B6: CPU a client spends while its requests wait for slow responses.
enum B6Waiting {
    static func measure(_ bench: Bench) throws -> RowReport {
        let recorded = try Recorded(folder: URL(fileURLWithPath: bench.fixtures))
        let body = String(decoding: recorded.chatRequest, as: UTF8.self)
        let rounds = bench.runs(3)

        struct Workload {
            var name: String
            var waitingRequests: Int
            var clients: [(kind: String, run: () throws -> ClientResult)]
        }
        var workloads: [Workload] = []
        for count in [1, 10, 50] {
            let arguments = ["--count", "\(count)", "--scenario", "delay-3000"]
            let urls = Array(repeating: "\(bench.server)/delay-3000/v1/chat/completions", count: count)
            workloads.append(Workload(name: "\(count) request\(count == 1 ? "" : "s") waiting 3 s", waitingRequests: count, clients: [
                ("ours", { try bench.client("concurrent", .ours, arguments) }),
                ("urlsession", { try bench.client("concurrent", .urlSessionWide, arguments) }),
                ("curl", { try curl(["-s", "--no-progress-meter", "-Z", "--parallel-immediate", "--parallel-max", "\(count)", "-H", "Content-Type: application/json", "-d", body] + urls) }),
            ]))
        }
        workloads.append(Workload(name: "one SSE stream spread over 4 s", waitingRequests: 1, clients: [
            ("ours", { try bench.client("stream", .ours, ["--scenario", "sse-4000"]) }),
            ("urlsession", { try bench.client("stream", .urlSession, ["--scenario", "sse-4000"]) }),
            ("curl", { try curl(["-s", "-N", "-H", "Content-Type: application/json", "-d", body, "\(bench.server)/sse-4000/v1/chat/completions"]) }),
        ]))

        var table = [["workload", "ours: CPU", "URLSession: CPU", "curl: CPU", "ours: share of a core per waiting request", "URLSession ÷ ours"]]
        var verdicts: [Verdict] = []
        for workload in workloads {
            var results: [String: [ClientResult]] = [:]
            for _ in 0..<rounds {
                for client in workload.clients { results[client.kind, default: []].append(try client.run()) }
            }
            let errors = results.values.joined().map(\.errors).reduce(0, +)
            guard errors == 0 else { throw BenchError("B6 \(workload.name): \(errors) requests failed") }
            let cpu = results.mapValues { $0.median(\.cpuSeconds) }
            let share = results["ours"]!.median { $0.cpuSeconds / ($0.wallSeconds * Double(workload.waitingRequests)) }
            let ratio = cpu["urlsession"]! / max(cpu["ours"]!, 1e-6)
            table.append([
                workload.name, seconds(cpu["ours"]!), seconds(cpu["urlsession"]!), seconds(cpu["curl"]!),
                String(format: "%.2f%%", share * 100), Format.ratio(ratio),
            ])
            verdicts.append(.atMost(share, 0.02, target: "B6 (\(workload.name)): ≤ 2% of one core per waiting request",
                                    measured: String(format: "%.2f%%", share * 100)))
            verdicts.append(.atLeast(ratio, 20, target: "B6 (\(workload.name)): ≥ 20× less CPU than URLSession",
                                     measured: "\(seconds(cpu["ours"]!)) vs \(seconds(cpu["urlsession"]!)): \(Format.ratio(ratio))"))
        }
        return RowReport(
            id: "B6",
            title: "CPU spent while waiting: 1, 10 and 50 requests whose replies take 3 s; one 4 s SSE stream",
            method: """
                Each client process starts the requests at once and waits for every reply; the server's \
                `delay-3000` scenario sleeps 3 s before the recorded chat completion, `sse-4000` sends the recorded \
                stream's \(Generated.sseEvents(recorded.chatStream).count) events spread evenly over 4 s. CPU is the \
                client process's user + system time over the requests (`getrusage`); for curl, which runs as its own \
                command (`curl -Z --parallel-immediate` for several), the whole process's time from `wait4`, \
                start-up included. URLSession is allowed as many connections per host as there are requests, so \
                all of them wait at once. Ours streams through HFStreaming's `chatStream`. \
                Median of \(rounds) runs; the share of a core is CPU ÷ (wall time × waiting requests).
                """,
            tables: [table],
            verdicts: verdicts
        )
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.3f s", value)
    }

    /// The curl command's whole CPU time and wall time.
    private static func curl(_ arguments: [String]) throws -> ClientResult {
        let span = Span()
        let finished = try ChildProcess(["curl"] + arguments, discardOutput: true).wait()
        return ClientResult(requests: 1, cpuSeconds: finished.cpuSeconds, wallSeconds: span.wallSeconds)
    }
}
