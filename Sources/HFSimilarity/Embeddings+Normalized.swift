import HFEmbeddings

extension Embeddings {
    /// Every row scaled to length 1 (zero rows stay zero), shape unchanged. After this, the dot
    /// product of two rows is their cosine similarity.
    ///
    /// ```swift
    /// let unit = embeddings.normalized()
    /// let score = try Similarity.dot(unit[0], unit[1])
    /// ```
    public func normalized() -> Embeddings {
        let normalizedValues = values.withUnsafeBufferPointer { source in
            [Float](unsafeUninitializedCapacity: values.count) { target, initialized in
                for row in 0..<count {
                    let offset = row * dimension
                    VectorKernels.normalize(source.baseAddress! + offset, into: target.baseAddress! + offset, count: dimension)
                }
                initialized = values.count
            }
        }
        return Embeddings(trusted: normalizedValues, dimension: dimension, shape: shape)
    }
}
