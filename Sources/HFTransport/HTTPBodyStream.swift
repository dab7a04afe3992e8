import Foundation

/// The body of a streamed response, as chunks of bytes in arrival order.
///
/// Backpressure: the transport buffers at most about 1 MiB ahead of the reader and then pauses the
/// transfer until the reader catches up. Chunks read together are merged, so a slow reader gets
/// fewer, larger chunks rather than a growing queue.
///
/// Cancelling the reading task, or dropping the stream and its iterators before the end, cancels
/// the transfer and closes the connection. Iterate it once.
///
/// Middleware can watch a body without reading it and without a task of its own: ``observed(_:)``
/// returns the same body with an observer that hears each chunk and the end, on the reader's task.
///
/// ```swift
/// let request = client.makeRequest(.post, url: url, body: body, contentType: "application/json", accept: "text/event-stream")
/// let response = try await client.stream(request)
/// for try await chunk in response.body { print(chunk.count, "bytes") }
/// ```
public struct HTTPBodyStream: AsyncSequence, Sendable {
    public typealias Element = Data

    private let source: Source
    /// Applied in order: the first is nearest the transport.
    private let taps: [Tap]

    private init(source: Source, taps: [Tap]) {
        self.source = source
        self.taps = taps
    }

    /// A stream fed by a transport through a ``ByteChannel``.
    package init(channel: ByteChannel) {
        self.init(source: .channel(ChannelHandle(channel: channel)), taps: [])
    }

    /// A stream over any sequence of chunks, for custom transports and tests. The sequence is read
    /// lazily, on the task that iterates the stream.
    public init<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks) where Chunks.Element == Data {
        self.init(source: .sequence { SequenceChunks(chunks.makeAsyncIterator()) }, taps: [])
    }

    /// A stream of one chunk, already complete.
    public init(data: Data) {
        self.init(OneChunk(chunk: data))
    }

    /// The same body, with `observer` told of every chunk as the reader takes it and of the end
    /// (see ``HTTPBodyObserver``). Nothing runs unless the body is read: no task, no buffering.
    ///
    /// ```swift
    /// let response = try await next(request, context)
    /// return HTTPStreamingResponse(head: response.head, body: response.body.observed(ByteCounter()))
    /// ```
    public func observed(_ observer: some HTTPBodyObserver) -> HTTPBodyStream {
        HTTPBodyStream(source: source, taps: taps + [Tap(observer: observer, transform: nil, earlier: taps)])
    }

    /// The same body, with any error its reader would get passed through `transform` first (and
    /// observers added later seeing the transformed error).
    package func mappingErrors(_ transform: @escaping @Sendable (any Error) -> any Error) -> HTTPBodyStream {
        HTTPBodyStream(source: source, taps: taps + [Tap(observer: nil, transform: transform, earlier: taps)])
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(chunks: source.makeChunks(), taps: taps)
    }

    /// Reads the body's chunks in arrival order; throws what the transport failed with.
    public struct Iterator: AsyncIteratorProtocol {
        private let chunks: any ChunkSource
        private let taps: [Tap]

        fileprivate init(chunks: any ChunkSource, taps: [Tap]) {
            self.chunks = chunks
            self.taps = taps
        }

        public mutating func next() async throws -> Data? {
            let chunk: Data?
            do {
                chunk = try await chunks.next()
            } catch let misuse as HTTPTransportError where misuse.code == .bodyAlreadyRead {
                // A second reader's mistake, not the end of the body the first one reads: the
                // error is transformed as any other, and no observer hears an end.
                throw taps.reduce(misuse as any Error) { error, tap in tap.transform?(error) ?? error }
            } catch {
                var failure = error
                for tap in taps { failure = tap.end(with: failure) }
                throw failure
            }
            guard let chunk else {
                for tap in taps { tap.endNormally() }
                return nil
            }
            for tap in taps { tap.observer?.didReceive(chunk) }
            return chunk
        }

        /// Tells the observers the body ended normally although its reader stops before the
        /// transport's end: a stream whose protocol says it is complete (`[DONE]`, a final event)
        /// is not a cancelled one. Dropping the iterator then closes the transfer as usual.
        package func finishReading() {
            for tap in taps { tap.endNormally() }
        }
    }
}

/// Watches a streamed body as its reader takes it, on the reader's task. Keep both methods cheap:
/// they run between two chunks of the reader.
///
/// ```swift
/// struct ByteLog: HTTPBodyObserver {
///     func didReceive(_ chunk: Data) { print(chunk.count, "bytes") }
///     func didFinish(error: (any Error)?) { print(error.map { "failed: \($0)" } ?? "done") }
/// }
/// let response = try await client.stream(client.makeRequest(.get, url: url))
/// for try await _ in response.body.observed(ByteLog()) {}
/// ```
public protocol HTTPBodyObserver: Sendable {
    /// A chunk the reader is about to get.
    func didReceive(_ chunk: Data)

    /// Called once: with `nil` at the normal end, with the error the reader gets, or with
    /// ``HTTPTransportError/Code/cancelled`` when the body was dropped before its end.
    func didFinish(error: (any Error)?)
}

extension HTTPBodyObserver {
    public func didReceive(_ chunk: Data) {}
}

extension HTTPBodyStream {
    private enum Source: Sendable {
        case channel(ChannelHandle)
        case sequence(@Sendable () -> any ChunkSource)

        func makeChunks() -> any ChunkSource {
            switch self {
            case .channel(let handle): return handle
            case .sequence(let make): return make()
            }
        }
    }

    /// An observer or an error transform, told of the end once: a body dropped before its end is
    /// reported as cancelled, through every earlier transform, when the last stream and iterator
    /// holding the tap go away.
    fileprivate final class Tap: Sendable {
        let observer: (any HTTPBodyObserver)?
        let transform: (@Sendable (any Error) -> any Error)?
        /// The transforms of the taps before this one, in order, for the report of a dropped body.
        private let earlierTransforms: [@Sendable (any Error) -> any Error]
        private let finished = LockedState(false)

        init(observer: (any HTTPBodyObserver)?, transform: (@Sendable (any Error) -> any Error)?, earlier: [Tap]) {
            self.observer = observer
            self.transform = transform
            earlierTransforms = earlier.compactMap(\.transform)
        }

        /// Transforms `error` and tells the observer, the first time; returns the error to pass on.
        func end(with error: any Error) -> any Error {
            let transformed = transform?(error) ?? error
            if claimEnd() { observer?.didFinish(error: transformed) }
            return transformed
        }

        func endNormally() {
            if claimEnd() { observer?.didFinish(error: nil) }
        }

        private func claimEnd() -> Bool {
            finished.withLock { finished in
                defer { finished = true }
                return !finished
            }
        }

        deinit {
            guard observer != nil, claimEnd() else { return }
            let error = earlierTransforms.reduce(HTTPTransportError.cancelled() as any Error) { $1($0) }
            observer?.didFinish(error: error)
        }
    }
}

/// Where an iterator's chunks come from.
fileprivate protocol ChunkSource: AnyObject, Sendable {
    func next() async throws -> Data?
}

/// Cancels the transfer when the last stream or iterator referring to it goes away.
private final class ChannelHandle: ChunkSource {
    let channel: ByteChannel

    init(channel: ByteChannel) {
        self.channel = channel
    }

    func next() async throws -> Data? {
        try await channel.next()
    }

    deinit {
        channel.cancel()
    }
}

/// The iterator of a caller's sequence, advanced by one reader at a time.
private final class SequenceChunks<Base: AsyncIteratorProtocol>: ChunkSource, @unchecked Sendable where Base.Element == Data {
    private var base: Base

    init(_ base: Base) {
        self.base = base
    }

    func next() async throws -> Data? {
        try await base.next()
    }
}

/// A body already complete: one chunk, then the end.
private struct OneChunk: AsyncSequence, Sendable {
    typealias Element = Data
    let chunk: Data

    func makeAsyncIterator() -> Iterator {
        Iterator(chunk: chunk.isEmpty ? nil : chunk)
    }

    struct Iterator: AsyncIteratorProtocol {
        var chunk: Data?

        mutating func next() async throws -> Data? {
            defer { chunk = nil }
            return chunk
        }
    }
}
