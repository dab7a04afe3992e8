import HFCore

/// The text of an ``InferenceStream``, piece by piece: `stream.text`.
public struct InferenceTextStream<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Failure = any Error

    private let base: InferenceStream<Element>
    private let textOf: @Sendable (Element) -> String?

    init(base: InferenceStream<Element>, text: @escaping @Sendable (Element) -> String?) {
        self.base = base
        self.textOf = text
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), textOf: textOf)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var base: InferenceStream<Element>.Iterator
        let textOf: @Sendable (Element) -> String?

        public mutating func next() async throws -> String? {
            while let element = try await base.next() {
                if let text = textOf(element), !text.isEmpty { return text }
            }
            return nil
        }
    }
}
