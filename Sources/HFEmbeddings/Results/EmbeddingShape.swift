/// How the vectors of an ``Embeddings`` value map to the texts that were embedded.
///
/// Feature extraction answers in several shapes depending on the model's pooling and on whether one
/// text or a list was sent; the decoder keeps the distinction so no vector is misattributed:
///
/// | Response | Shape |
/// |---|---|
/// | `[d]`, a pooled vector for one text | ``vector`` |
/// | `[n][d]`, one pooled vector per text (also OpenAI-style `data[].embedding`) | ``matrix`` |
/// | `[n][t][d]` or `[n][1][t][d]`, one vector per token | ``tokens(_:)`` with each text's token count |
///
/// A single text answered with `[t][d]` (an unpooled model) is reported as `.tokens([t])` by the
/// API calls, which know that one text was sent.
///
/// ```swift
/// let embeddings = try await client.embeddings.embed("Hi", model: .allMiniLML6v2)
/// if embeddings.shape.isTokenLevel { print("one vector per token") }
/// ```
public enum EmbeddingShape: Sendable, Hashable {
    /// One vector: the pooled embedding of one text.
    case vector
    /// One vector per text, in input order.
    case matrix
    /// Token-level vectors: text `i` owns `tokenCounts[i]` consecutive rows, in input order.
    case tokens([Int])

    /// `true` for token-level output, which needs pooling before it can stand for a whole text.
    public var isTokenLevel: Bool {
        if case .tokens = self { return true }
        return false
    }
}
