/// How a provider's response body relates to the task's canonical shape, which the API group reads.
package enum ResponseShape: Sendable, Hashable {
    /// Already canonical: read as it is (the hot paths: chat replies; embeddings, whose canonical
    /// reply is either nested arrays or OpenAI's `data[]`, both of which the decoder reads).
    case canonical
    /// The canonical object, or an array holding it first (text-generation servers answer either).
    case objectOrFirstElement
}
