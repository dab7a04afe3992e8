import HFCore

/// The text of an ``InferenceStream``, piece by piece: `stream.text`.
///
/// ```swift
/// for try await piece in try client.inference.chatStream("Count to 10", model: .llama3_8BInstruct).text {
///     print(piece, terminator: "")
/// }
/// ```
public struct InferenceTextStream<Event: Sendable>: AsyncSequence, Sendable {
    public typealias Failure = any Error

    private let base: InferenceStream<Event>
    private let textOf: @Sendable (Event) -> String?

    init(base: InferenceStream<Event>, text: @escaping @Sendable (Event) -> String?) {
        self.base = base
        self.textOf = text
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), textOf: textOf)
    }

    /// Reads the stream's text pieces, skipping chunks that add none.
    public struct Iterator: AsyncIteratorProtocol {
        var base: InferenceStream<Event>.Iterator
        let textOf: @Sendable (Event) -> String?

        public mutating func next() async throws -> String? {
            while let element = try await base.next() {
                if let text = textOf(element), !text.isEmpty { return text }
            }
            return nil
        }
    }
}
