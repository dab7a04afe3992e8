/// Hands each element to every current subscriber's `AsyncStream`: a stream of changes that any
/// number of observers can follow (a breaker's transitions, health verdicts, configuration
/// versions). Subscribing needs no `await`, so no change between asking for the stream and
/// iterating it is missed; a slow reader keeps the newest `buffer` elements.
final class Broadcast<Element: Sendable>: Sendable {
    private struct Subscribers {
        var nextID = 0
        var continuations: [Int: AsyncStream<Element>.Continuation] = [:]
    }

    private let subscribers = LockedState(Subscribers())
    private let buffer: Int

    init(buffer: Int = 64) {
        self.buffer = buffer
    }

    deinit {
        finish()
    }

    /// A stream of every element yielded from now on; it ends with ``finish()``.
    func subscribe() -> AsyncStream<Element> {
        let (stream, continuation) = AsyncStream.makeStream(of: Element.self, bufferingPolicy: .bufferingNewest(buffer))
        let id = subscribers.withLock { subscribers -> Int in
            subscribers.nextID += 1
            subscribers.continuations[subscribers.nextID] = continuation
            return subscribers.nextID
        }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `element` to every subscriber. Callers yield one at a time (from an actor), which keeps
    /// the order; the continuations are called outside the lock, since ending one re-enters it.
    func yield(_ element: Element) {
        for continuation in subscribers.withLock({ Array($0.continuations.values) }) {
            continuation.yield(element)
        }
    }

    /// Ends every subscriber's stream.
    func finish() {
        let ended = subscribers.withLock { subscribers in
            defer { subscribers.continuations = [:] }
            return Array(subscribers.continuations.values)
        }
        for continuation in ended { continuation.finish() }
    }
}
