import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process's CPU time (from `getrusage`, every thread counts) and peak memory.
struct ResourceUsage {
    /// User plus system time.
    var cpuSeconds: Double
    /// Peak resident set size.
    var peakRSSBytes: Int

    static func current() -> ResourceUsage {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        // Not `ru_maxrss`: Linux carries it across `exec`, so a process spawned by a big parent
        // would report the parent's peak. `VmHWM` is this address space's own.
        let peak = linuxPeakRSS() ?? Int(usage.ru_maxrss) * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        let peak = Int(usage.ru_maxrss)   // bytes on Darwin
        #endif
        return ResourceUsage(cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakRSSBytes: peak)
    }

    /// `VmHWM` from `/proc/self/status`, in bytes.
    private static func linuxPeakRSS() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
}

/// `CLOCK_MONOTONIC` in nanoseconds: one clock for every process on the machine, so a client can
/// compare its instants with the server's.
func monotonicNanos() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Wall time and process CPU time over a span of work.
struct Span {
    private let startNanos = monotonicNanos()
    private let startCPU = ResourceUsage.current().cpuSeconds

    var wallSeconds: Double { Double(monotonicNanos() - startNanos) / 1e9 }
    var cpuSeconds: Double { ResourceUsage.current().cpuSeconds - startCPU }
}

/// Runs `body` `runs` times after one untimed warm-up, returning each run's wall seconds.
func timeRuns(_ runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
    try body()
    return try (0..<runs).map { _ in
        let span = Span()
        try body()
        return span.wallSeconds
    }
}

/// Runs `body` `runs` times after one untimed warm-up, returning each run's wall seconds.
func timeRuns(_ runs: Int, _ body: () async throws -> Void) async rethrows -> [Double] {
    try await body()
    var seconds: [Double] = []
    for _ in 0..<runs {
        let span = Span()
        try await body()
        seconds.append(span.wallSeconds)
    }
    return seconds
}

func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "median of nothing")
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
