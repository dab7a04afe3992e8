import HFEmbeddings
import HFSimilarity

// Uses HFSimilarity alone: cosine similarity and a top-k search over local vectors.
do {
    let index = try VectorIndex(try Embeddings(rows: [[1, 0], [0.6, 0.8], [0, 1]]))
    let best = try index.search([0, 1] as [Float], k: 1)
    print("HFSimilarity consumer OK: cosine \(try Similarity.cosine([1, 0] as [Float], [0.6, 0.8] as [Float])), best \(best[0].index)")
} catch {
    print("HFSimilarity consumer failed: \(error)")
}
