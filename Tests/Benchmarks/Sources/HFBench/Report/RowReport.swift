import Foundation

/// One row of the report: how it was measured, the figures, and each target's verdict.
struct RowReport {
    var id: String
    var title: String
    /// How the row is measured, in a sentence or two.
    var method: String
    /// Detail tables: each a header, then one line per implementation or variant.
    var tables: [[[String]]]
    var verdicts: [Verdict]
    var notes: [String] = []
}

/// One target of the issue, checked against what was measured.
struct Verdict {
    enum Outcome {
        case met
        case missed(String)
    }

    /// The target as the issue states it.
    var target: String
    /// What was measured, with the baseline it is compared to.
    var measured: String
    var outcome: Outcome

    /// Met when `value` is at most `limit`; a miss says by how much.
    static func atMost(_ value: Double, _ limit: Double, target: String, measured: String) -> Verdict {
        let outcome: Outcome = value <= limit
            ? .met
            : .missed("by \(Format.ratio(value / limit)) (\(Format.percent(value / limit - 1)) over)")
        return Verdict(target: target, measured: measured, outcome: outcome)
    }

    /// Met when `ours` is at least `factor` times `baseline`, both rates (more is better); `show`
    /// writes a rate with its unit.
    static func faster(_ ours: Double, than baseline: Double, by factor: Double, target: String, show: (Double) -> String) -> Verdict {
        .atLeast(ours / baseline, factor, target: target, measured: "\(show(ours)) vs \(show(baseline)): \(Format.ratio(ours / baseline))")
    }

    /// Met when `value` is at least `limit`; a miss says by how much.
    static func atLeast(_ value: Double, _ limit: Double, target: String, measured: String) -> Verdict {
        let outcome: Outcome = value >= limit
            ? .met
            : .missed("reached \(Format.percent(value / limit)) of it (needs \(Format.ratio(limit / value)) more)")
        return Verdict(target: target, measured: measured, outcome: outcome)
    }

    var isMissed: Bool {
        if case .missed = outcome { return true }
        return false
    }

    var outcomeText: String {
        switch outcome {
        case .met: return "**met**"
        case .missed(let how): return "**missed** \(how)"
        }
    }
}

/// Number formatting for the report.
enum Format {
    static func ratio(_ value: Double) -> String {
        value >= 10 ? String(format: "%.0f×", value) : String(format: "%.2f×", value)
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.0f%%", value * 100)
    }

    /// Three significant digits, thousands grouped.
    static func number(_ value: Double) -> String {
        if value >= 100 {
            let rounded = Int(value.rounded())
            let digits = String(rounded)
            let magnitude = digits.count > 3 ? Double(rounded).rounded(toSignificant: 3) : Double(rounded)
            return grouped(Int(magnitude))
        }
        if value >= 10 { return String(format: "%.1f", value) }
        if value >= 1 { return String(format: "%.2f", value) }
        if value == 0 { return "0" }
        return String(format: "%.3g", value)
    }

    /// The fastest and slowest of several runs, in milliseconds: how noisy a median is.
    static func spread(_ seconds: [Double]) -> String {
        "\(number((seconds.min() ?? 0) * 1000))–\(number((seconds.max() ?? 0) * 1000))"
    }

    static func milliseconds(_ seconds: Double) -> String {
        number(seconds * 1000) + " ms"
    }

    static func megabytes(_ bytes: Double) -> String {
        number(bytes / 1e6) + " MB"
    }

    private static func grouped(_ value: Int) -> String {
        var text = String(value)
        var index = text.count - 3
        while index > 0 {
            text.insert(",", at: text.index(text.startIndex, offsetBy: index))
            index -= 3
        }
        return text
    }
}

private extension Double {
    func rounded(toSignificant digits: Int) -> Double {
        guard self != 0 else { return 0 }
        let scale = pow(10, Double(digits) - (log10(abs(self))).rounded(.up))
        return (self * scale).rounded() / scale
    }
}
