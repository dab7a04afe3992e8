import Foundation
import HFCore

/// What the soak saw, per fault: how each stream ended, how long it took, and every outcome that
/// breaks the rules (a category the fault does not allow, text that is not the recorded answer or
/// a prefix of it, an interruption whose partial output differs from what was delivered).
struct SoakTally: Sendable {
    struct Row: Sendable {
        var streams = 0
        /// By category; "ok" for the whole answer.
        var outcomes: [String: Int] = [:]
        var durations: [Duration] = []
    }

    var rows: [SoakFault: Row] = [:]
    var unexpected: [String] = []

    /// Counts `outcome` of a stream whose whole answer is `expected`.
    mutating func record(_ outcome: SoakOutcome, fault: SoakFault, stream: String, expected: String) {
        let category = outcome.error?.category
        var row = rows[fault] ?? Row()
        row.streams += 1
        row.outcomes[category?.description ?? "ok", default: 0] += 1
        row.durations.append(outcome.duration)
        rows[fault] = row

        var problems: [String] = []
        if !fault.allowedOutcomes.contains(category) { problems.append("ended as \(category?.description ?? "ok")") }
        if outcome.error == nil, outcome.text != expected { problems.append("a whole answer of \(outcome.text.count) characters, not \(expected.count)") }
        if !expected.hasPrefix(outcome.text) { problems.append("delivered text that is not a prefix of the answer") }
        if category == .streamInterrupted, outcome.error?.partialOutput != outcome.text { problems.append("partialOutput differs from the delivered text") }
        if !problems.isEmpty {
            unexpected.append("\(fault.rawValue) on \(stream): \(problems.joined(separator: "; ")) (\(outcome.error?.message ?? "no error"))")
        }
    }

    mutating func merge(_ other: SoakTally) {
        for (fault, row) in other.rows {
            var merged = rows[fault] ?? Row()
            merged.streams += row.streams
            merged.outcomes.merge(row.outcomes, uniquingKeysWith: +)
            merged.durations += row.durations
            rows[fault] = merged
        }
        unexpected += other.unexpected
    }

    var streams: Int { rows.values.reduce(0) { $0 + $1.streams } }

    /// The report's table: one line per fault, then the errors by category over all streams.
    var report: String {
        var lines = ["| fault | streams | outcomes | median | p99 | max |", "|---|---|---|---|---|---|"]
        for fault in SoakFault.allCases {
            guard let row = rows[fault] else { continue }
            let outcomes = row.outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let sorted = row.durations.sorted()
            func at(_ fraction: Double) -> String { Self.milliseconds(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]) }
            lines.append("| \(fault.rawValue) | \(row.streams) | \(outcomes) | \(at(0.5)) | \(at(0.99)) | \(Self.milliseconds(sorted.last!)) |")
        }
        var categories: [String: Int] = [:]
        for row in rows.values { categories.merge(row.outcomes, uniquingKeysWith: +) }
        lines.append("")
        lines.append("by category: " + categories.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
