import Foundation

/// The body of a streamed response, as chunks of bytes in arrival order.
///
/// Backpressure: the transport buffers at most about ``ByteChannel/defaultHighWatermark`` bytes
/// ahead of the reader and then pauses the transfer until the reader catches up. Chunks read
/// together are merged, so a slow reader gets fewer, larger chunks rather than a growing queue.
///
/// Cancelling the reading task, or dropping the stream and its iterators before the end, cancels
/// the transfer and closes the connection. Iterate it once.
public struct HTTPBodyStream: AsyncSequence, Sendable {
    public typealias Element = Data

    private let handle: Handle

    /// A stream fed by a transport through a ``ByteChannel``.
    package init(channel: ByteChannel) {
        handle = Handle(channel: channel)
    }

    /// A stream over any sequence of chunks, for custom transports and tests.
    public init<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks) where Chunks.Element == Data {
        let pump = LockedState<Task<Void, Never>?>(nil)
        let channel = ByteChannel(onCancel: { pump.withLock { $0?.cancel() } })
        pump.withLock { task in
            task = Task {
                do {
                    for try await chunk in chunks {
                        try await channel.send(chunk)
                    }
                    channel.finish()
                } catch {
                    channel.finish(throwing: error)
                }
            }
        }
        self.init(channel: channel)
    }

    /// A stream of one chunk, already complete.
    public init(data: Data) {
        let channel = ByteChannel()
        if !data.isEmpty { _ = channel.deliver(data) }
        channel.finish()
        self.init(channel: channel)
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(handle: handle)
    }

    public struct Iterator: AsyncIteratorProtocol {
        fileprivate let handle: Handle

        public mutating func next() async throws -> Data? {
            try await handle.channel.next()
        }
    }

    /// Cancels the transfer when the last stream or iterator referring to it goes away.
    fileprivate final class Handle: Sendable {
        let channel: ByteChannel

        init(channel: ByteChannel) {
            self.channel = channel
        }

        deinit {
            channel.cancel()
        }
    }
}
