import Foundation
import HFCore
import HFEmbeddings

/// The embeddings decoder on any bytes: no crash; what it accepts is a consistent value whose
/// accessors hold; where `JSONDecoder` reads the same nested arrays, the floats agree bit for bit.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let body = Data(input)
    guard let embeddings = try? EmbeddingsDecoder.decode(body) else { return }
    let dimension = embeddings.dimension
    require(dimension == 0 || embeddings.values.count % dimension == 0, "\(embeddings.values.count) values do not fill rows of \(dimension)")
    for row in embeddings.indices { require(embeddings[row].count == dimension, "row \(row) is not \(dimension) long") }
    for input in 0..<embeddings.inputCount { _ = embeddings.rows(forInput: input) }
    let pooled = embeddings.meanPooled()
    require(pooled.count == embeddings.inputCount || dimension == 0, "\(pooled.count) pooled rows for \(embeddings.inputCount) inputs")

    let reference: [Float]?
    switch embeddings.shape {
    case .vector: reference = try? JSONDecoder().decode([Float].self, from: body)
    case .matrix: reference = (try? JSONDecoder().decode([[Float]].self, from: body))?.flatMap { $0 }
    case .tokens:
        reference = (try? JSONDecoder().decode([[[Float]]].self, from: body))?.flatMap { $0.flatMap { $0 } }
            ?? (try? JSONDecoder().decode([[[[Float]]]].self, from: body))?.flatMap { $0.flatMap { $0.flatMap { $0 } } }
    }
    if let reference {
        require(reference.map(\.bitPattern) == embeddings.values.map(\.bitPattern), "the floats differ from JSONDecoder's")
    }
}
