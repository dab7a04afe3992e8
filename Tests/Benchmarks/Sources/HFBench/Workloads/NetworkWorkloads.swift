import Foundation
import HFCore

/// The workloads that talk to the benchmark server, each run in a client process of its own:
/// `HFBench client <workload> --impl <client> --server URL --fixtures DIR [...]`.
enum NetworkWorkloads {
    static func run(_ workload: String, options: Options) async throws -> ClientResult {
        let server = try options.url("server")
        let recorded = try Recorded(folder: URL(fileURLWithPath: try options.string("fixtures")))
        let request = try JSONDecoder().decode(ChatRequestMirror.self, from: recorded.chatRequest)
        guard let kind = ClientKind(rawValue: try options.string("impl")) else { throw BenchError("unknown --impl") }
        let count = try options.int("count", default: 1)
        let client = kind.make(request: request, connections: count)
        let endpoint = server.appendingPathComponent(options.string("scenario", default: "chat"))
        let stats = StatsClient(server: server)
        switch workload {
        case "sequential": return try await sequential(client, stats: stats, endpoint: endpoint, count: count, warmup: try options.int("warmup", default: 100))
        case "concurrent": return try await concurrent(client, stats: stats, endpoint: endpoint, count: count)
        case "stream": return try await stream(client, endpoint: endpoint)
        case "first-chunk": return try await firstChunk(client, stats: stats, endpoint: endpoint, count: count)
        default: throw BenchError("unknown client workload \(workload)")
        }
    }

    /// B1: `count` chat completions one after another (after `warmup` untimed ones).
    static func sequential(_ client: any ChatClient, stats: StatsClient, endpoint: URL, count: Int, warmup: Int) async throws -> ClientResult {
        let before = try await stats.read()
        for _ in 0..<warmup { _ = try await client.chat(endpoint) }
        let warm = try await stats.read()
        let span = Span()
        for _ in 0..<count { _ = try await client.chat(endpoint) }
        var result = ClientResult(requests: count, cpuSeconds: span.cpuSeconds, wallSeconds: span.wallSeconds)
        let after = try await stats.read()
        result.connections = after.accepted - before.accepted
        result.serverCpuSeconds = after.cpuSeconds - warm.cpuSeconds
        return result
    }

    /// B4 and B6: `count` chat completions at once.
    static func concurrent(_ client: any ChatClient, stats: StatsClient, endpoint: URL, count: Int) async throws -> ClientResult {
        let before = try await stats.read()
        let span = Span()
        let failures = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<count {
                group.addTask {
                    do {
                        _ = try await client.chat(endpoint)
                        return nil
                    } catch {
                        return "\(error)"
                    }
                }
            }
            var failures: [String] = []
            for await failure in group {
                if let failure { failures.append(failure) }
            }
            return failures
        }
        var result = ClientResult(requests: count, errors: failures.count, cpuSeconds: span.cpuSeconds, wallSeconds: span.wallSeconds)
        result.firstError = failures.first
        result.peakRssBytes = ResourceUsage.current().peakRSSBytes
        result.connections = try await stats.read().accepted - before.accepted
        return result
    }

    /// B6: one streamed chat completion, read and decoded to the end.
    static func stream(_ client: any ChatClient, endpoint: URL) async throws -> ClientResult {
        let span = Span()
        let chunks = try await client.stream(endpoint, onChunk: {})
        var result = ClientResult(requests: 1, cpuSeconds: span.cpuSeconds, wallSeconds: span.wallSeconds)
        result.items = chunks
        return result
    }

    /// B2: `count` times, how long after the server wrote a stream's first event the client handed
    /// over its first decoded chunk (both instants on `CLOCK_MONOTONIC`).
    static func firstChunk(_ client: any ChatClient, stats: StatsClient, endpoint: URL, count: Int) async throws -> ClientResult {
        var samples: [Double] = []
        for iteration in 0...count {
            var firstChunkAt: UInt64?
            _ = try await client.stream(endpoint) {
                if firstChunkAt == nil { firstChunkAt = monotonicNanos() }
            }
            let written = try await stats.read().firstEventNanos
            guard let received = firstChunkAt, received > written else {
                throw BenchError("no chunk decoded after the server's first event")
            }
            // The first stream also opens the connection; it is not counted.
            if iteration > 0 { samples.append(Double(received - written) / 1e9) }
        }
        return ClientResult(requests: count, samples: samples)
    }
}
