import Foundation

/// B4: many concurrent requests to a server that takes 50 ms per reply.
enum B4Concurrency {
    static func measure(_ bench: Bench) throws -> RowReport {
        let count = bench.quick ? 200 : 1000
        let burst = ["--count", "\(count)", "--scenario", "delay-50"]
        let hundred = ["--count", "100", "--scenario", "delay-50"]
        // URLSession's default run takes ~9 s, so it gets fewer rounds.
        let wide = try bench.interleaved(bench.runs(5), [ClientKind.ours, .urlSessionWide]) { try bench.client("concurrent", $0, burst) }
        let narrow = try bench.interleaved(bench.runs(3), [ClientKind.urlSession]) { try bench.client("concurrent", $0, burst) }
        let memory = try bench.interleaved(bench.runs(3), [ClientKind.ours, .urlSession]) { try bench.client("concurrent", $0, hundred) }
        let results = wide.merging(narrow) { first, _ in first }

        let names: [(ClientKind, String)] = [
            (.ours, "ours (HFInference `client.inference.chat`, libcurl transport)"),
            (.urlSession, "plain URLSession, default configuration"),
            (.urlSessionWide, "plain URLSession, `httpMaximumConnectionsPerHost = \(count)`"),
        ]
        var table = [["client", "wall time (\(count) requests)", "errors", "connections", "client CPU", "peak RSS at 100 concurrent"]]
        for (client, name) in names {
            let runs = results[client]!
            table.append([
                name, Format.number(runs.median(\.wallSeconds)) + " s",
                "\(runs.map(\.errors).reduce(0, +)) in \(runs.count) runs",
                String(Int(runs.median { Double($0.connections ?? 0) })),
                Format.number(runs.median(\.cpuSeconds)) + " s",
                memory[client].map { Format.megabytes($0.median { Double($0.peakRssBytes ?? 0) }) } ?? "—",
            ])
        }
        let ours = results[.ours]!
        let oursWall = ours.median(\.wallSeconds)
        let baselineWall = results[.urlSession]!.median(\.wallSeconds)
        let errors = ours.map(\.errors).reduce(0, +)
        let rss = memory[.ours]!.median { Double($0.peakRssBytes ?? 0) }
        return RowReport(
            id: "B4",
            title: "\(count) concurrent requests, each reply delayed 50 ms by the server",
            method: """
                Each client process starts \(count) chat completions at once (a task group) against the server's \
                `delay-50` scenario, which holds every reply 50 ms (sleeping, one thread per connection) and then \
                sends the recorded chat completion. Wall time runs from the first request to the last reply; errors \
                are requests that threw. Ours and the wide URLSession: median of \(bench.runs(5)) runs; URLSession's \
                default (6 connections per host, ~9 s a run): \(bench.runs(3)) runs. Peak RSS is the client \
                process's high-water resident set (`VmHWM`; whole process, start-up included) in separate runs \
                of 100 concurrent requests, median of \(bench.runs(3)).
                """,
            tables: [table],
            verdicts: [
                .atMost(oursWall, 1.0, target: "B4: ≤ 1.0 s wall for \(count) concurrent requests",
                        measured: "\(Format.number(oursWall)) s (URLSession default: \(Format.number(baselineWall)) s, \(Format.ratio(baselineWall / oursWall)) slower)"),
                Verdict(target: "B4: 0 errors", measured: "\(errors) in \(ours.count) runs of \(count)",
                        outcome: errors == 0 ? .met : .missed("\(errors) requests failed: \(ours.compactMap(\.firstError).first ?? "")")),
                .atMost(rss, 50e6, target: "B4: peak RSS at 100 concurrent ≤ 50 MB",
                        measured: "\(Format.megabytes(rss)) (URLSession: \(Format.megabytes(memory[.urlSession]!.median { Double($0.peakRssBytes ?? 0) })))"),
            ]
        )
    }
}
