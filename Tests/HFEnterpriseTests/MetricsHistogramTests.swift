import Foundation
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The latency histogram's percentiles against exact nearest-rank percentiles of known
/// distributions: every one within the documented relative error.
@Suite("Metrics histogram")
struct MetricsHistogramTests {
    /// The exact nearest-rank percentile of sorted values.
    static func exact(_ sorted: [Duration], _ percent: Double) -> Duration {
        sorted[max(1, Int((percent / 100 * Double(sorted.count)).rounded(.up))) - 1]
    }

    static func relativeError(_ estimate: Duration?, _ exact: Duration) -> Double {
        guard let estimate else { return .infinity }
        return abs(seconds(estimate) - seconds(exact)) / seconds(exact)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The worst relative error over percentiles 1…99 and 99.9 of `values`, asserting each is
    /// within the bound.
    static func worstError(_ values: [Duration]) -> (worst: Double, p50: Double, p95: Double, p99: Double) {
        var histogram = LatencyHistogram()
        for value in values { histogram.record(value) }
        let sorted = values.sorted()
        var worst = 0.0
        for percent in Array(stride(from: 1.0, through: 99, by: 1)) + [99.9] {
            let error = relativeError(histogram.percentile(percent), exact(sorted, percent))
            #expect(error <= LatencyHistogram.relativeError, "p\(percent): \(error)")
            worst = max(worst, error)
        }
        return (worst, relativeError(histogram.p50, exact(sorted, 50)), relativeError(histogram.p95, exact(sorted, 95)), relativeError(histogram.p99, exact(sorted, 99)))
    }

    @Test("uniform 1…10 000 ms: p50, p95, p99 within 1/64 of 5 000, 9 500, 9 900 ms")
    func uniform() {
        let errors = Self.worstError((1...10_000).map { .milliseconds($0) })
        #expect(errors.p50 <= LatencyHistogram.relativeError && errors.p95 <= LatencyHistogram.relativeError && errors.p99 <= LatencyHistogram.relativeError)
        print("uniform 1…10000 ms: p50 \(errors.p50), p95 \(errors.p95), p99 \(errors.p99), worst over p1…p99.9 \(errors.worst)")
    }

    @Test("log-normal latencies (median 200 ms, long tail), 100 000 samples: every percentile within 1/64")
    func logNormal() {
        var random = SplitMix64(seed: 42)
        let values: [Duration] = (0..<100_000).map { _ in
            // Box–Muller: a standard normal from two uniforms.
            let u1 = Double(random.next() >> 11 | 1) / Double(1 << 53), u2 = Double(random.next() >> 11) / Double(1 << 53)
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
            return .nanoseconds(Int64(0.2e9 * exp(normal)))
        }
        let errors = Self.worstError(values)
        print("log-normal: p50 \(errors.p50), p95 \(errors.p95), p99 \(errors.p99), worst over p1…p99.9 \(errors.worst)")
    }

    @Test("below 64 µs each microsecond has its bucket: percentiles within 0.5 µs")
    func small() {
        var histogram = LatencyHistogram()
        for microseconds in 0..<64 { histogram.record(.microseconds(microseconds)) }
        let sorted = (0..<64).map { Duration.microseconds($0) }
        for percent in stride(from: 1.0, through: 100, by: 1) {
            let difference = try! #require(histogram.percentile(percent)) - Self.exact(sorted, percent)
            #expect(abs(Self.seconds(difference)) <= 0.5e-6)
        }
    }

    @Test("count, min, max, sum and mean are exact; one repeated value is every percentile; empty has none")
    func exactFields() {
        var histogram = LatencyHistogram()
        #expect(histogram.p50 == nil && histogram.mean == nil && histogram.min == nil)
        for _ in 0..<10 { histogram.record(.milliseconds(123)) }
        #expect(histogram.p50 == .milliseconds(123) && histogram.p99 == .milliseconds(123))
        histogram.record(.seconds(-1))
        #expect(histogram.count == 11)
        #expect(histogram.min == .zero && histogram.max == .milliseconds(123))
        #expect(histogram.sum == .milliseconds(1230))
        #expect(histogram.mean == .milliseconds(1230) / 11)
        #expect(histogram.percentile(0) == .zero && histogram.percentile(100) == .milliseconds(123))
    }

    @Test("values past 19 hours share the last bucket, read as the exact maximum")
    func huge() {
        var histogram = LatencyHistogram()
        histogram.record(.seconds(1))
        histogram.record(.seconds(100_000))
        histogram.record(.seconds(200_000))
        #expect(Self.relativeError(histogram.percentile(33), .seconds(1)) <= LatencyHistogram.relativeError)
        #expect(histogram.p50 == .seconds(200_000))
        #expect(histogram.p99 == .seconds(200_000))
    }

    @Test("merging two histograms equals recording both halves in one")
    func merge() {
        var first = LatencyHistogram(), second = LatencyHistogram(), both = LatencyHistogram()
        for milliseconds in 1...500 {
            let value = Duration.milliseconds(milliseconds * 7 % 1000)
            if milliseconds.isMultiple(of: 3) { first.record(value) } else { second.record(value) }
            both.record(value)
        }
        var merged = LatencyHistogram()
        merged.merge(first)
        merged.merge(second)
        merged.merge(LatencyHistogram())
        #expect(merged == both)
    }
}
