import Foundation
import HFCore

/// The workloads that only compute, on bytes in memory, each run in a process of its own:
/// `HFBench compute <workload> --runs N [...]`. Each implementation runs once untimed, then `runs`
/// times timed; the result lists every run's seconds per implementation.
enum ComputeWorkloads {
    static func run(_ workload: String, options: Options) async throws -> ClientResult {
        let runs = try options.int("runs", default: 7)
        switch workload {
        case "sse": return try await sse(options: options, runs: runs)
        case "embeddings": return try embeddings(options: options, runs: runs)
        case "similarity": return try similarity(options: options, runs: runs)
        default: throw BenchError("unknown compute workload \(workload)")
        }
    }

    /// B2: the 10 MB chat stream, fed in 64 KiB pieces to each decoder.
    static func sse(options: Options, runs: Int) async throws -> ClientResult {
        let recorded = try Recorded(folder: URL(fileURLWithPath: try options.string("fixtures")))
        let stream = Generated.chatStream(from: recorded.chatStream, bytes: try options.int("bytes", default: 10_000_000))
        let pieces = stride(from: 0, to: stream.count, by: 64 << 10).map { stream[$0..<min($0 + (64 << 10), stream.count)] }
        var events = 0
        var timings: [String: [Double]] = [:]
        timings["splitter"] = timeRuns(runs) {
            var splitter = LineSplitter()
            var count = 0
            for piece in pieces { splitter.feed(piece) { _ in count += 1 } }
            events = count
        }
        timings["jsondecoder"] = try timeRuns(runs) {
            var decoder = ChunkDecoder()
            for piece in pieces { try decoder.feed(piece) }
            guard decoder.count == events else { throw BenchError("JSONDecoder path decoded \(decoder.count) of \(events) events") }
        }
        let request = try JSONDecoder().decode(ChatRequestMirror.self, from: recorded.chatRequest)
        let client = HFClient(configuration: .bench, transport: MemoryTransport(body: stream, contentType: "text/event-stream"))
        let endpoint = URL(string: "http://127.0.0.1:9/memory")!
        timings["ours"] = try await timeRuns(runs) {
            let count = try await Ours.chatStream(client, endpoint: endpoint, request: request) {}
            guard count == events else { throw BenchError("ours decoded \(count) of \(events) events") }
        }
        return ClientResult(items: events, bytes: stream.count, runs: timings)
    }

    /// B3: the generated embeddings response in `--file`, decoded to floats.
    static func embeddings(options: Options, runs: Int) throws -> ClientResult {
        let body = try Data(contentsOf: URL(fileURLWithPath: try options.string("file")))
        var expected: [Float] = []
        var timings: [String: [Double]] = [:]
        timings["jsondecoder"] = try timeRuns(runs) {
            expected = try JSONDecoder().decode([[Float]].self, from: body).flatMap { $0 }
        }
        timings["hfcore-jsonparser"] = try timeRuns(runs) {
            guard case .array(let rows)? = try? JSONValue(parsing: body), rows.count > 0 else { throw BenchError("JSONParser failed") }
        }
        timings["ours"] = try timeRuns(runs) {
            guard try Ours.decodeEmbeddings(body) == expected else { throw BenchError("ours decoded other floats than JSONDecoder") }
        }
        return ClientResult(items: expected.count, bytes: body.count, runs: timings)
    }

    /// B5: top-k cosine of the query against the stored vectors in `--file` (little-endian Float32:
    /// `--count` stored vectors of `--dimension`, then the query).
    static func similarity(options: Options, runs: Int) throws -> ClientResult {
        let dimension = try options.int("dimension", default: 384)
        let count = try options.int("count", default: 100_000)
        let k = try options.int("k", default: 10)
        let floats = try readFloats(URL(fileURLWithPath: try options.string("file")))
        guard floats.count == (count + 1) * dimension else { throw BenchError("the vectors file holds \(floats.count) floats") }
        let stored = Array(floats[0..<(count * dimension)])
        let query = Array(floats[(count * dimension)...])
        let norms = ScalarCosine.norms(stored, dimension: dimension)
        var top: [Int] = []
        var timings: [String: [Double]] = [:]
        timings["scalar"] = timeRuns(runs) {
            top = ScalarCosine.topK(stored: stored, norms: norms, dimension: dimension, query: query, k: k)
        }
        let search = try Ours.topK(stored: stored, dimension: dimension)
        timings["ours"] = try timeRuns(runs) {
            guard try search(query, k) == top else { throw BenchError("ours found other neighbours than the scalar loop") }
        }
        return ClientResult(items: count, bytes: stored.count * 4, runs: timings, top: top)
    }

    private static func readFloats(_ file: URL) throws -> [Float] {
        let data = try Data(contentsOf: file)
        return data.withUnsafeBytes { bytes in
            (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}

/// The B5 baseline: one plain loop over the stored vectors, a dot product each, and a small sorted
/// list of the best `k`. Norms of the stored vectors are computed once, untimed, as for every peer.
enum ScalarCosine {
    static func norms(_ stored: [Float], dimension: Int) -> [Float] {
        stride(from: 0, to: stored.count, by: dimension).map { start in
            var sum: Float = 0
            for index in start..<(start + dimension) { sum += stored[index] * stored[index] }
            return sum.squareRoot()
        }
    }

    static func topK(stored: [Float], norms: [Float], dimension: Int, query: [Float], k: Int) -> [Int] {
        var queryNorm: Float = 0
        for value in query { queryNorm += value * value }
        queryNorm = queryNorm.squareRoot()
        var best: [(score: Float, index: Int)] = []
        for row in 0..<norms.count {
            var dot: Float = 0
            let start = row * dimension
            for index in 0..<dimension { dot += stored[start + index] * query[index] }
            let score = dot / (norms[row] * queryNorm)
            if best.count < k || score > best[best.count - 1].score {
                let position = best.firstIndex { score > $0.score } ?? best.count
                best.insert((score, row), at: position)
                if best.count > k { best.removeLast() }
            }
        }
        return best.map(\.index)
    }
}
