import Foundation

/// B5: top-k cosine similarity of one query against many stored vectors.
enum B5Similarity {
    static func measure(_ bench: Bench) throws -> RowReport {
        let count = bench.quick ? 20_000 : 100_000
        let dimension = 384
        let k = 10
        let vectors = Generated.vectors(count: count, dimension: dimension, seed: 5)
        let file = bench.scratch.appendingPathComponent("vectors.f32")
        var bytes = Data(capacity: (vectors.stored.count + dimension) * 4)
        for value in vectors.stored + vectors.query {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        try bytes.write(to: file)

        let rounds = bench.runs(3), runs = bench.runs(11)
        let arguments = ["--file", file.path, "--count", "\(count)", "--dimension", "\(dimension)", "--k", "\(k)", "--runs", "\(runs)"]
        let (timings, results) = try bench.pooled(rounds, [{ try bench.compute("similarity", arguments) }, { try bench.peer("similarity", arguments) }])
        let (swift, python) = (results[0], results[1])
        func seconds(_ impl: String) -> Double? { timings[impl].map(median) }
        var table = [["implementation", "ms per query", "queries/s", "fastest–slowest query (ms)"]]
        for (impl, name) in [("ours", "ours (HFSimilarity)"), ("scalar", "scalar Swift loop"), ("numpy", "numpy (`stored @ query`, `argpartition`)")] {
            guard let time = seconds(impl) else { continue }
            table.append([name, Format.number(time * 1000), Format.number(1 / time), Format.spread(timings[impl]!)])
        }
        var notes: [String] = []
        if swift.top != python.top {
            notes.append("The scalar loop and numpy ranked the neighbours differently (\(swift.top ?? []) vs \(python.top ?? [])): float rounding near a tie.")
        }
        // As rates (queries per second), shown as time per query.
        let ours = 1 / seconds("ours")!, scalar = 1 / seconds("scalar")!, numpy = 1 / seconds("numpy")!
        let show = { Format.milliseconds(1 / $0) + " per query" }
        let verdicts: [Verdict] = [
            .faster(ours, than: scalar, by: 4, target: "B5: ≥ 4× the scalar loop", show: show),
            .faster(ours, than: numpy, by: 1, target: "B5: ≥ 1.0× numpy", show: show),
        ]
        if verdicts[1].isMissed {
            notes.append("Ours against numpy is a tie at memory bandwidth that noise decides from run to run: `Docs/decisions.md`, D27.")
        }
        return RowReport(
            id: "B5",
            title: "Top-\(k) cosine of one query against \(Format.number(Double(count))) × \(dimension) stored vectors",
            method: """
                \(Format.number(Double(count))) random unit-length Float32 vectors of \(dimension) (seeded, written to one \
                file that the Swift and Python processes both read) and one query. Each query computes every \
                cosine and keeps the best \(k); norms of the stored vectors are computed once beforehand, untimed, \
                for every implementation (as an index would on insert). Median of \(rounds * runs) queries: \(rounds) \
                rounds of a Swift and a Python process in turn, each timing \(runs) queries after a warm-up. \
                numpy uses its bundled BLAS, on both cores. Ours must return the scalar loop's neighbours.
                """,
            tables: [table],
            verdicts: verdicts,
            notes: notes
        )
    }
}
