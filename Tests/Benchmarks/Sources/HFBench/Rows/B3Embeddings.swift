import Foundation

/// B3: decoding a large feature-extraction response.
enum B3Embeddings {
    static let rows = 256
    static let dimension = 1024

    static func measure(_ bench: Bench) throws -> RowReport {
        let recorded = try Recorded(folder: URL(fileURLWithPath: bench.fixtures))
        try Generated.checkNumberFormat(recorded.embedding)
        let file = bench.scratch.appendingPathComponent("embeddings.json")
        let generated = Generated.embeddingMatrix(rows: rows, dimension: dimension, seed: 3)
        try generated.json.write(to: file)

        let rounds = bench.runs(3), runs = bench.runs(5)
        let arguments = ["--file", file.path, "--runs", "\(runs)"]
        let (timings, results) = try bench.pooled(rounds, [{ try bench.compute("embeddings", arguments) }, { try bench.peer("embeddings", arguments) }])
        guard results.allSatisfy({ $0.items == generated.values.count }) else {
            throw BenchError("B3: a decoder read \(results.map { $0.items ?? 0 }) floats of \(generated.values.count)")
        }
        let bytes = Double(generated.json.count)
        func rate(_ impl: String) -> Double? { timings[impl].map { bytes / median($0) / 1e6 } }
        var table = [["decoder", "MB/s", "ms per response", "fastest–slowest run (ms)"]]
        let names = [("ours", "ours (HFEmbeddings)"), ("jsondecoder", "`JSONDecoder` into `[[Float]]`"),
                     ("hfcore-jsonparser", "HFCore `JSONParser` into `JSONValue` (for reference)"),
                     ("python-json", "Python `json.loads`"), ("orjson", "Python `orjson.loads`")]
        for (impl, name) in names {
            guard let rate = rate(impl) else { continue }
            table.append([name, Format.number(rate), Format.number(bytes / rate / 1e3), Format.spread(timings[impl]!)])
        }
        let ours = rate("ours")!, decoder = rate("jsondecoder")!, orjson = rate("orjson")!
        let show = { Format.number($0) + " MB/s" }
        let verdicts: [Verdict] = [
            .faster(ours, than: decoder, by: 10, target: "B3: ≥ 10× JSONDecoder", show: show),
            .faster(ours, than: orjson, by: 1, target: "B3: ≥ 1.0× orjson", show: show),
        ]
        return RowReport(
            id: "B3",
            title: "Embeddings decode: \(rows) × \(dimension) floats (\(Format.megabytes(bytes)) of JSON)",
            method: """
                One response body of \(rows) unit-length vectors of \(dimension) floats, generated in the recorded \
                response's format (`\(Recorded.embeddingCase)`: nested arrays, no spaces, each Float32 written as \
                the shortest text of its Double value; the generator is checked to reproduce every number of the \
                recording byte for byte). The same file is decoded by every decoder; MB/s is bytes ÷ median time of \
                \(rounds * runs) runs: \(rounds) rounds of a Swift and a Python process in turn, each timing \(runs) \
                runs after a warm-up. Ours must produce exactly `JSONDecoder`'s floats.
                """,
            tables: [table],
            verdicts: verdicts
        )
    }
}
