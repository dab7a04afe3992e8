import Foundation
import HFEmbeddings

// Uses HFEmbeddings alone: decoding a reply and the options, without any network call.
do {
    let embeddings = try EmbeddingsDecoder.decode(Data("[[0.25, -1.5e-3], [1, 2]]".utf8))
    let options = EmbeddingOptions(normalize: true, truncationDirection: .right)
    print("HFEmbeddings consumer OK: \(embeddings.count)×\(embeddings.dimension), normalize \(options.normalize ?? false)")
} catch {
    print("HFEmbeddings consumer failed: \(error)")
}
