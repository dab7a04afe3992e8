import Foundation

/// The machine and the tools a run used, for the report's header.
struct Environment {
    var cpu: String
    var cores: Int
    var memory: String
    var kernel: String
    var swift: String
    var peers: String
    var curl: String

    init(options: Options, python: String, peers peersScript: String) throws {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        cpu = Self.field("model name", in: cpuInfo) ?? "unknown CPU"
        cores = ProcessInfo.processInfo.activeProcessorCount
        memory = Format.number(Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30)) + " GiB"
        var name = utsname()
        uname(&name)
        kernel = Self.string(name.sysname) + " " + Self.string(name.release) + " " + Self.string(name.machine)
        swift = options.string("swift-version", default: "unknown")
        let versions = try ChildProcess([python, peersScript, "versions"]).wait().output
        peers = String(decoding: versions, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let curlVersion = try ChildProcess(["curl", "--version"]).wait().output
        curl = String(decoding: curlVersion, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "curl"
    }

    private static func field(_ name: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            return line.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    private static func string<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
