import Dispatch

extension Duration {
    /// The duration in whole nanoseconds, saturating at the bounds of `UInt64` (negative is 0).
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return .max }
        let (sum, overflow2) = whole.addingReportingOverflow(UInt64(attoseconds / 1_000_000_000))
        return overflow2 ? .max : sum
    }
}

/// Nanoseconds on the monotonic clock, for deadlines on transport threads.
func monotonicNow() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}

extension UInt64 {
    /// `self + duration`, saturating instead of overflowing.
    func adding(_ duration: Duration) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(duration.nanoseconds)
        return overflow ? .max : sum
    }
}
