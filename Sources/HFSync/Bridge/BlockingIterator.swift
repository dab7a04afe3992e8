import Foundation
import HFCore

/// A stream read from blocking code: each ``next()`` waits for the next element of the async
/// sequence behind it (a streamed chat, a model listing), and the error that ended the stream is
/// thrown after every element that arrived before it, as the async iteration would.
///
/// Each call waits through the same bridge as the other blocking calls, so it is refused inside a
/// task and on the main thread too. The elements are pulled one call at a time: nothing is read
/// ahead or buffered. ``cancel()`` (from any thread) or releasing the iterator stops the transfer.
///
/// ```swift
/// let stream = try client.sync.chatStream("Count to 10", model: .llama3_8BInstruct)
/// while let chunk = try stream.next() {
///     print(chunk.text ?? "", terminator: "")
/// }
/// ```
public final class BlockingIterator<Element: Sendable>: @unchecked Sendable {
    private let operation: String
    private let allowsMainThread: Bool
    private let source: any BlockingSource<Element>
    /// Held through each `next()`, so calls from several threads take turns.
    private let turn = NSLock()
    /// Guards `running`, `cancelled` (a cancel() not yet reported) and `finished`; never held while waiting.
    private let state = NSLock()
    private var running: Task<Void, Never>?
    private var cancelled = false
    private var finished = false

    init<Base: AsyncSequence & Sendable>(_ base: Base, operation: String, allowsMainThread: Bool) where Base.Element == Element {
        self.operation = operation
        self.allowsMainThread = allowsMainThread
        self.source = IteratorBox(base.makeAsyncIterator())
    }

    /// The next element; `nil` once the stream has ended. The error that ends the stream is thrown
    /// once, after the elements received before it, and `nil` follows. After ``cancel()`` this
    /// throws a ``HFError/Category/cancelled`` error.
    ///
    /// ```swift
    /// do {
    ///     while let chunk = try stream.next() { print(chunk.text ?? "", terminator: "") }
    /// } catch {
    ///     print("\n", error.partialOutput ?? "", error)   // what arrived, then why it stopped
    /// }
    /// ```
    public func next() throws(HFError) -> Element? {
        turn.lock()
        defer { turn.unlock() }
        // A cancel() since the last call is reported once, even if it already closed the stream.
        if state.withLock({ () -> Bool in defer { cancelled = false }; return cancelled }) {
            finish()
            throw .cancelled()
        }
        if state.withLock({ finished }) { return nil }
        do {
            let source = self.source
            let element = try BlockingBridge.wait(operation, allowsMainThread: allowsMainThread, started: started) {
                try await source.next()
            }
            state.withLock { running = nil }
            if element == nil { finish() }
            return element
        } catch {
            // A refusal leaves the stream as it was; anything else (a cancel() included) ended it.
            if state.withLock({ () -> Bool in defer { cancelled = false }; return running != nil }) { finish() }
            throw error
        }
    }

    /// Stops the stream from any thread: a ``next()`` waiting now throws a
    /// ``HFError/Category/cancelled`` error, and the connection is closed.
    ///
    /// ```swift
    /// Thread { Thread.sleep(forTimeInterval: 5); stream.cancel() }.start()
    /// ```
    public func cancel() {
        state.withLock {
            cancelled = true
            running?.cancel()
        }
        // With no `next()` in progress, release the transfer now rather than at the next call.
        if turn.try() {
            finish()
            turn.unlock()
        }
    }

    private func started(_ task: Task<Void, Never>) {
        state.withLock {
            running = task
            if cancelled { task.cancel() }
        }
    }

    /// Ends the stream and drops the async iterator, which closes a transfer still open.
    private func finish() {
        state.withLock {
            finished = true
            running = nil
        }
        source.release()
    }
}

/// The async iterator behind a ``BlockingIterator``, without its type.
private protocol BlockingSource<Element>: Sendable {
    associatedtype Element: Sendable
    func next() async throws -> Element?
    func release()
}

/// Holds a (non-`Sendable`) async iterator for the tasks that advance it. They never overlap:
/// each `next()` of ``BlockingIterator`` waits for its task under `turn` before the next starts,
/// and `release` runs under `turn` too, so the iterator is only ever used by one task at a time.
private final class IteratorBox<Base: AsyncIteratorProtocol>: BlockingSource, @unchecked Sendable where Base.Element: Sendable {
    private var iterator: Base?

    init(_ iterator: Base) {
        self.iterator = iterator
    }

    func next() async throws -> Base.Element? {
        guard var current = iterator else { return nil }
        iterator = nil
        let element = try await current.next()
        iterator = current
        return element
    }

    func release() {
        iterator = nil
    }
}
