import Dispatch

extension Duration {
    /// The duration in whole nanoseconds, saturating at the bounds of `UInt64` (negative is 0).
    package var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return .max }
        let (sum, overflow2) = whole.addingReportingOverflow(UInt64(attoseconds / 1_000_000_000))
        return overflow2 ? .max : sum
    }

    /// "300s", "2.5s" or "0.05s" (to the millisecond), for messages; integer arithmetic only, so
    /// any duration prints, `.seconds(Int64.max)` included.
    package var formattedSeconds: String {
        let (seconds, attoseconds) = components
        let milliseconds = abs(attoseconds) / 1_000_000_000_000_000
        let sign = seconds == 0 && attoseconds < 0 ? "-" : ""
        guard milliseconds > 0 else { return "\(sign)\(seconds)s" }
        var fraction = String(milliseconds)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(seconds).\(fraction)s"
    }
}

/// Nanoseconds on the monotonic clock, for deadlines on transport threads.
package func monotonicNow() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}

extension UInt64 {
    /// `self + duration`, saturating instead of overflowing.
    package func adding(_ duration: Duration) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(duration.nanoseconds)
        return overflow ? .max : sum
    }
}
