import Foundation

/// B2: decoding a large chat stream, and the delay between the server's first event and our first chunk.
enum B2Streaming {
    static func measure(_ bench: Bench) throws -> RowReport {
        let decode = try bench.compute("sse", ["--runs", "\(bench.runs(15))", "--bytes", "\(bench.quick ? 2_000_000 : 10_000_000)"])
        let events = Double(decode.items ?? 0)
        let bytes = Double(decode.bytes ?? 0)
        func eventRate(_ impl: String) -> Double? { decode.runs?[impl].map { events / median($0) } }
        var throughput = [["decoder", "events/s", "MB/s", "µs per event", "fastest–slowest run (ms)"]]
        let names = [("ours", "ours (HFStreaming)"), ("jsondecoder", "line splitter + `JSONDecoder` per event"), ("splitter", "line splitter alone (no decoding)")]
        for (impl, name) in names {
            guard let rate = eventRate(impl) else { continue }
            throughput.append([name, Format.number(rate), Format.number(rate * bytes / events / 1e6), Format.number(1e6 / rate), Format.spread(decode.runs![impl]!)])
        }

        let samples = bench.quick ? 5 : 30
        let clients: [ClientKind] = [.ours, .oursTransport, .urlSession]
        var firstChunk: [ClientKind: Double] = [:]
        for client in clients {
            firstChunk[client] = median(try bench.client("first-chunk", client, ["--count", "\(samples)", "--scenario", "sse-first"]).samples ?? [])
        }
        var latency = [["client", "first event written → first chunk decoded (median of \(samples))"]]
        let clientNames: [ClientKind: String] = [
            .ours: "ours (HFStreaming)",
            .oursTransport: "HFCore `client.stream` (libcurl) + the baseline decoder",
            .urlSession: "plain URLSession (delegate) + the baseline decoder",
        ]
        for client in clients { latency.append([clientNames[client]!, Format.milliseconds(firstChunk[client]!)]) }

        let ours = eventRate("ours")!
        let baseline = eventRate("jsondecoder")!
        let verdicts: [Verdict] = [
            .faster(ours, than: baseline, by: 5, target: "B2: ≥ 5× the JSONDecoder path's events/s") { Format.number($0) + " events/s" },
            .atLeast(ours, 350_000, target: "B2: ≥ 350 k events/s decoded", measured: "\(Format.number(ours)) events/s"),
            .atMost(firstChunk[.ours]!, 0.001, target: "B2: first-delta overhead ≤ 1 ms",
                    measured: "\(Format.milliseconds(firstChunk[.ours]!)) (URLSession path: \(Format.milliseconds(firstChunk[.urlSession]!)))"),
        ]
        return RowReport(
            id: "B2",
            title: "Streaming: decoding a \(Format.megabytes(bytes)) chat stream; server's first event to our first chunk",
            method: """
                Throughput: a \(Format.megabytes(bytes)) `text/event-stream` body of \(Format.number(events)) events built from \
                the recorded stream `\(Recorded.streamCase)` (its first event, its content events repeated in order, \
                its final event), held in memory and fed to each decoder in 64 KiB pieces (ours through an \
                in-memory `HTTPTransport`, so no network is involved); median of \(bench.runs(15)) runs after a warm-up, \
                in one process. First chunk: the server's `sse-first` scenario sends the head, waits 20 ms, notes \
                `CLOCK_MONOTONIC` and writes the recorded first event; the client notes the same clock when its \
                decoder hands over the first chunk. Median over \(samples) streams on one connection (the first, \
                which opens it, is not counted).
                """,
            tables: [throughput, latency],
            verdicts: verdicts,
            notes: verdicts[0].isMissed ? ["Why the ratio to the JSONDecoder path falls short of 5×, and what would close it: `Docs/decisions.md`, D26."] : []
        )
    }
}
