import Foundation
import HFCore
import HFJSON

// Embeddings encode as the nested arrays feature extraction answers with, by shape, and decode
// through `EmbeddingsDecoder` (so every form it reads, OpenAI-style objects included), so vectors
// can be stored and read back, or relayed, without the package's API.

extension Embeddings: Codable {
    /// Reads any form ``EmbeddingsDecoder`` reads: `[d]`, `[n][d]`, `[n][t][d]`, `[n][1][t][d]`, or
    /// `{"data":[{"embedding":…}]}`.
    ///
    /// ```swift
    /// let restored = try JSONDecoder().decode(Embeddings.self, from: stored)
    /// ```
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do {
            self = try EmbeddingsDecoder.read(JSONWriter.write(value))
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not embeddings: \(error)", underlyingError: error))
        }
    }

    /// Writes the nested arrays of the shape: `[d]` for ``EmbeddingShape/vector``, `[n][d]` for
    /// ``EmbeddingShape/matrix``, `[n][t][d]` for ``EmbeddingShape/tokens(_:)``. Values are
    /// `Float`s, written with `Float` precision.
    ///
    /// ```swift
    /// let stored = try JSONEncoder().encode(embeddings)   // e.g. [[0.1,0.2],[0.3,0.4]]
    /// ```
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch shape {
        case .vector:
            try container.encode(values)
        case .matrix:
            try container.encode(map(Array.init))
        case .tokens(let counts):
            try container.encode(counts.indices.map { input in rows(forInput: input).map { Array(self[$0]) } })
        }
    }
}
