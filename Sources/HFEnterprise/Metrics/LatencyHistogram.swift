/// A distribution of durations in fixed log-linear buckets (as in HDR histograms): recording is a
/// few integer operations and one array increment, memory is fixed (8 KiB once the first value
/// arrives), and percentiles are read from the buckets.
///
/// Resolution: a bucket per microsecond below 64 µs (a percentile within 0.5 µs); above, 32
/// buckets per power of two, so a percentile is within ``relativeError`` (1/64, about 1.6%) of
/// the exact nearest-rank value, and never outside the exact ``min`` and ``max``. Values above
/// 2^36 µs (19 hours) share the last bucket, read as the ``max``. ``count``, ``min``, ``max``,
/// ``sum`` and ``mean`` are exact.
///
/// ```swift
/// var histogram = LatencyHistogram()
/// for milliseconds in 1...100 { histogram.record(.milliseconds(milliseconds)) }
/// histogram.p95   // ≈ 95 ms, within 1.6%
/// ```
public struct LatencyHistogram: Sendable, Equatable {
    /// The largest relative distance between a percentile read here and the exact one, for values
    /// of 64 µs and more (below, the distance is at most 0.5 µs).
    public static let relativeError = 1.0 / Double(2 * subBuckets)

    /// Buckets per power of two: 2^5.
    private static let subBucketBits = 5
    private static let subBuckets = 1 << subBucketBits
    /// Values below this many µs have a bucket each.
    private static let direct = 2 * subBuckets
    /// Powers of two above ``direct`` with buckets of their own: up to 2^36 µs.
    private static let octaves = 30
    private static let bucketCount = direct + octaves * subBuckets

    /// Empty until the first value, so an unused histogram costs nothing.
    private var counts: [Int] = []
    /// How many durations were recorded.
    public private(set) var count = 0
    /// The total of the recorded durations.
    public private(set) var sum: Duration = .zero
    /// The shortest duration recorded.
    public private(set) var min: Duration?
    /// The longest duration recorded.
    public private(set) var max: Duration?

    /// An empty histogram.
    public init() {}

    /// Adds one duration; negative durations count as zero.
    public mutating func record(_ duration: Duration) {
        let value = Swift.max(duration, .zero)
        if counts.isEmpty { counts = Array(repeating: 0, count: Self.bucketCount) }
        counts[Self.bucket(ofMicroseconds: Self.microseconds(value))] += 1
        count += 1
        sum += value
        min = Swift.min(min ?? value, value)
        max = Swift.max(max ?? value, value)
    }

    /// Adds every duration of `other`, as if each had been recorded here.
    public mutating func merge(_ other: LatencyHistogram) {
        guard other.count > 0 else { return }
        if counts.isEmpty {
            counts = other.counts
        } else {
            for index in counts.indices { counts[index] += other.counts[index] }
        }
        count += other.count
        sum += other.sum
        min = other.min.map { Swift.min(min ?? $0, $0) } ?? min
        max = other.max.map { Swift.max(max ?? $0, $0) } ?? max
    }

    /// The mean duration, or `nil` when nothing was recorded.
    public var mean: Duration? {
        count == 0 ? nil : sum / count
    }

    /// The nearest-rank percentile: the smallest recorded duration at least `percent`% of the
    /// durations do not exceed, within ``relativeError``; `nil` when nothing was recorded.
    /// `percent` is clamped to 0...100; NaN is 0.
    public func percentile(_ percent: Double) -> Duration? {
        guard count > 0, let min, let max else { return nil }
        let percent = percent.isNaN ? 0 : percent
        let fraction = Swift.min(Swift.max(percent, 0), 100) / 100
        let rank = Swift.max(1, Int((fraction * Double(count)).rounded(.up)))
        // The ends are known exactly.
        if rank == 1 { return min }
        if rank == count { return max }
        var seen = 0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            seen += bucketCount
            guard seen >= rank else { continue }
            guard index < Self.bucketCount - 1 else { return max }
            let (lower, width) = Self.range(ofBucket: index)
            let middle = Duration.nanoseconds(Int64(lower) * 1000 + Int64(width) * 500)
            return Swift.min(Swift.max(middle, min), max)
        }
        return max
    }

    /// The median.
    public var p50: Duration? { percentile(50) }
    /// The 95th percentile.
    public var p95: Duration? { percentile(95) }
    /// The 99th percentile.
    public var p99: Duration? { percentile(99) }

    // MARK: Buckets

    /// Whole microseconds, capped where the last bucket starts.
    private static func microseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        let cap = UInt64(direct) << octaves
        guard seconds < Int64(cap / 1_000_000) else { return cap }
        return UInt64(seconds) * 1_000_000 + UInt64(attoseconds / 1_000_000_000_000)
    }

    /// Below ``direct``, a bucket per value; above, the power of two `2^e` holding the value is cut
    /// in ``subBuckets`` buckets `2^(e - subBucketBits)` wide.
    private static func bucket(ofMicroseconds value: UInt64) -> Int {
        guard value >= UInt64(direct) else { return Int(value) }
        let exponent = 63 - value.leadingZeroBitCount
        let shift = exponent - subBucketBits
        let octave = exponent - (subBucketBits + 1)
        let index = direct + octave * subBuckets + Int(value >> UInt64(shift)) - subBuckets
        return Swift.min(index, bucketCount - 1)
    }

    /// The first value (µs) of a bucket and how many values it holds.
    private static func range(ofBucket index: Int) -> (lower: UInt64, width: UInt64) {
        guard index >= direct else { return (UInt64(index), 1) }
        let octave = (index - direct) / subBuckets
        let sub = UInt64(subBuckets + (index - direct) % subBuckets)
        let shift = UInt64(octave + 1)
        return (sub << shift, 1 << shift)
    }
}
