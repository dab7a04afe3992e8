extension Embeddings {
    /// Why vectors do not fit the texts they answer.
    struct ShapeMismatch: Error, CustomStringConvertible {
        let description: String
    }

    /// Rows of `parts` one after another, as if one request had returned them all.
    static func joined(_ parts: [Embeddings]) throws(ShapeMismatch) -> Embeddings {
        guard let first = parts.first else { return Embeddings(trusted: [], dimension: 0, shape: .matrix) }
        if let other = parts.first(where: { $0.dimension != first.dimension }) {
            throw ShapeMismatch(description: "one batch returned vectors of \(first.dimension) values and another of \(other.dimension)")
        }
        var values: [Float] = []
        values.reserveCapacity(parts.reduce(0) { $0 + $1.values.count })
        var tokenCounts: [Int] = []
        for part in parts {
            guard part.shape.isTokenLevel == first.shape.isTokenLevel else {
                throw ShapeMismatch(description: "some batches returned token-level vectors and others pooled ones")
            }
            if case .tokens(let counts) = part.shape { tokenCounts += counts }
            values += part.values
        }
        return Embeddings(trusted: values, dimension: first.dimension, shape: first.shape.isTokenLevel ? .tokens(tokenCounts) : .matrix)
    }

    /// The same rows read as the answer for `inputCount` texts: a single text answered with
    /// several rows (`[t][d]`) is token-level output. Fails when the rows cannot belong to that
    /// many texts.
    func matched(toInputCount inputCount: Int) throws(ShapeMismatch) -> Embeddings {
        switch shape {
        case .matrix where count != inputCount && inputCount == 1 && count > 1:
            return Embeddings(trusted: values, dimension: dimension, shape: .tokens([count]))
        default:
            guard self.inputCount == inputCount else {
                throw ShapeMismatch(description: "\(inputCount) texts were sent but the response holds vectors for \(self.inputCount)")
            }
            return self
        }
    }
}
