import Foundation
import HFCore

/// Decodes feature-extraction responses straight from bytes into ``Embeddings``.
///
/// Embedding responses are megabytes of numbers; Foundation's `JSONDecoder` builds a value per
/// number and is slow at them on Linux. This decoder scans the bytes once, writing each number
/// into one contiguous `[Float]`, and produces exactly the floats `JSONDecoder` would decode as
/// `Float`. It accepts:
///
/// - nested arrays of numbers, as the `hf-inference` pipeline and Text Embeddings Inference return:
///   `[d]`, `[n][d]`, `[n][t][d]`, `[n][1][t][d]` (see ``EmbeddingShape``);
/// - OpenAI-style objects, `{"data": [{"embedding": […], "index": 0}, …], …}`, rows ordered by
///   `index`.
///
/// Anything else — a truncated body, `NaN`, a vector of another length, uneven nesting, numbers
/// outside `Float`'s range — fails with a ``HFError/Category/decoding`` error that names the byte
/// offset and quotes the text around it.
///
/// ```swift
/// let embeddings = try EmbeddingsDecoder.decode(Data("[[0.5, -1.25e-3], [1, 2]]".utf8))
/// embeddings.count        // 2
/// embeddings.dimension    // 2
/// ```
public enum EmbeddingsDecoder {
    /// Decodes `data`, or throws a decoding error quoting the offending bytes.
    public static func decode(_ data: Data) throws(HFError) -> Embeddings {
        do {
            return try read(data)
        } catch {
            throw HFError.decoding("The response could not be read as embeddings: \(error)", body: data)
        }
    }

    /// Decodes `data`, reporting failures in the reader's own terms.
    static func read(_ data: Data) throws(JSONSyntaxError) -> Embeddings {
        let result: Result<Embeddings, JSONSyntaxError> = data.withUnsafeBytes { bytes in
            Result { () throws(JSONSyntaxError) in try EmbeddingsReader.read(bytes) }
        }
        return try result.get()
    }
}
