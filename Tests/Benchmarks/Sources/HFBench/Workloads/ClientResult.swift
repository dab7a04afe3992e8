import Foundation

/// What one client process reports: one JSON line on standard output, written by the Swift
/// workloads and by the Python peers alike (keys in snake case).
struct ClientResult: Codable, Sendable {
    var requests: Int
    var errors: Int
    var cpuSeconds: Double
    var wallSeconds: Double
    var peakRssBytes: Int?
    /// Connections the server accepted from this client (the client asks the server before and after).
    var connections: Int?
    /// The server process's CPU time over the timed part.
    var serverCpuSeconds: Double?
    /// Per-iteration measurements, where a workload has them (seconds).
    var samples: [Double]?
    /// Work items done per run (events decoded, floats decoded…).
    var items: Int?
    /// Bytes processed per run.
    var bytes: Int?
    /// Seconds per run of each implementation, for compute workloads.
    var runs: [String: [Double]]?
    /// The answer of a top-k query, to check implementations agree.
    var top: [Int]?
    var firstError: String?

    init(
        requests: Int = 0, errors: Int = 0, cpuSeconds: Double = 0, wallSeconds: Double = 0,
        items: Int? = nil, bytes: Int? = nil, runs: [String: [Double]]? = nil, top: [Int]? = nil, samples: [Double]? = nil
    ) {
        self.requests = requests
        self.errors = errors
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        self.items = items
        self.bytes = bytes
        self.runs = runs
        self.top = top
        self.samples = samples
    }

    /// Every key may be missing: each workload reports only what it measures.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requests = try container.decodeIfPresent(Int.self, forKey: .requests) ?? 0
        errors = try container.decodeIfPresent(Int.self, forKey: .errors) ?? 0
        cpuSeconds = try container.decodeIfPresent(Double.self, forKey: .cpuSeconds) ?? 0
        wallSeconds = try container.decodeIfPresent(Double.self, forKey: .wallSeconds) ?? 0
        peakRssBytes = try container.decodeIfPresent(Int.self, forKey: .peakRssBytes)
        connections = try container.decodeIfPresent(Int.self, forKey: .connections)
        serverCpuSeconds = try container.decodeIfPresent(Double.self, forKey: .serverCpuSeconds)
        samples = try container.decodeIfPresent([Double].self, forKey: .samples)
        items = try container.decodeIfPresent(Int.self, forKey: .items)
        bytes = try container.decodeIfPresent(Int.self, forKey: .bytes)
        runs = try container.decodeIfPresent([String: [Double]].self, forKey: .runs)
        top = try container.decodeIfPresent([Int].self, forKey: .top)
        firstError = try container.decodeIfPresent(String.self, forKey: .firstError)
    }

    static func decode(_ line: Data) throws -> ClientResult {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ClientResult.self, from: line)
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
