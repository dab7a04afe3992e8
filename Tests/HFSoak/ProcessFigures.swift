import Foundation

/// The process's open descriptors and memory, read from `/proc/self` (Linux; `nil` elsewhere).
struct ProcessFigures: CustomStringConvertible {
    let openDescriptors: Int?
    /// Resident set size, KiB.
    let residentKiB: Int?
    /// Peak resident set size so far, KiB.
    let peakResidentKiB: Int?

    static func now() -> ProcessFigures {
        let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func kib(_ field: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return nil }
            return line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) }
        }
        // Listing /proc/self/fd opens one descriptor of its own, counted in the listing.
        return ProcessFigures(openDescriptors: descriptors.map { $0 - 1 }, residentKiB: kib("VmRSS"), peakResidentKiB: kib("VmHWM"))
    }

    var description: String {
        func show(_ value: Int?) -> String { value.map(String.init) ?? "n/a" }
        return "open descriptors \(show(openDescriptors)), RSS \(show(residentKiB.map { $0 / 1024 })) MiB (peak \(show(peakResidentKiB.map { $0 / 1024 })) MiB)"
    }
}
