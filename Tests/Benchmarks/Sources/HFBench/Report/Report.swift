import Foundation

/// `Docs/benchmarks.md`.
struct Report {
    var rows: [RowReport]
    var environment: Environment
    var quick: Bool

    func markdown() -> String {
        var text = """
            # Benchmarks

            Written by `Scripts/bench.sh` on \(Self.date()); run it again to reproduce (do not edit by hand).\(quick ? "\n\n**Quick run: fewer runs and smaller inputs, for checking the script only. Not for comparison.**" : "")

            - **Machine:** \(environment.cpu), \(environment.cores) cores, \(environment.memory); \(environment.kernel)
            - **Toolchain:** \(environment.swift); the benchmark package `Tests/Benchmarks` built with `-c release`
            - **Peers:** \(environment.peers) (pinned in `Scripts/bench.sh`, in a virtual environment); \(environment.curl)
            - **Server:** a minimal HTTP/1.1 loopback server inside the benchmark executable (`HFBench serve`), \
            not the replay server: it runs as its own process, so its CPU never counts as a client's, and sends \
            recorded bodies from `Tests/HFReplay/Recorded` prepared once, a whole response per write, one thread \
            per connection, keep-alive, `TCP_NODELAY`. B1 shows its CPU per request, a small part of any client's.
            - **Method:** every client runs in a fresh process of its own, the baselines in the same invocation of \
            the script as ours, interleaved round by round; each figure is the median of several runs (the count is \
            given per row). CPU is the client process's user + system time from `getrusage`, all threads included. \
            Synthetic sizes (B2's stream, B3's matrix, B5's vectors) are generated in the recorded format from \
            recorded data or seeded random numbers, never as invented replies.

            ## Summary

            \(Self.tally(rows.flatMap(\.verdicts)))

            | target | measured (median; baseline from the same run) | verdict |
            |---|---|---|

            """
        for verdict in rows.flatMap(\.verdicts) {
            text += "| \(verdict.target) | \(verdict.measured) | \(verdict.outcomeText) |\n"
        }
        for row in rows {
            text += "\n## \(row.id). \(row.title)\n\n\(row.method)\n"
            for table in row.tables { text += "\n" + Self.table(table) }
            if !row.notes.isEmpty { text += "\n" + row.notes.map { "- \($0)\n" }.joined() }
        }
        return text
    }

    private static func tally(_ verdicts: [Verdict]) -> String {
        let missed = verdicts.filter(\.isMissed)
        let list = missed.map { "\($0.target.prefix { $0 != ":" })" }.joined(separator: ", ")
        return "\(verdicts.count - missed.count) of \(verdicts.count) targets met" + (missed.isEmpty ? "." : "; missed: \(list) (see each row).")
    }

    private static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var text = "| " + header.joined(separator: " | ") + " |\n"
        text += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows.dropFirst() { text += "| " + row.joined(separator: " | ") + " |\n" }
        return text
    }

    private static func date() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: Date())
    }
}
