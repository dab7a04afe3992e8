import Foundation

/// A bounded hand-off of bytes from a transport thread to one async reader.
///
/// The producer side is synchronous so a libcurl or URLSession callback can call it directly:
/// ``offer(_:)`` refuses bytes once ``highWatermark`` is buffered (the transport then pauses the
/// transfer), and ``onDemand`` fires when the reader has drained the buffer so the transfer can
/// resume. The reader gets everything buffered in one chunk per ``next()``. ``onCancel`` fires once
/// if the reader gives up before the end, so the transport can abort the transfer.
package final class ByteChannel: Sendable {
    package static let defaultHighWatermark = 1 << 20

    private struct State {
        var pending = Data()
        var terminal: Result<Void, any Error>?
        var terminalDelivered = false
        var reader: CheckedContinuation<Data?, any Error>?
        var producerPaused = false
        var cancelled = false
    }

    private let state = LockedState(State())
    private let highWatermark: Int
    private let onDemand: (@Sendable () -> Void)?
    private let onCancel: (@Sendable () -> Void)?

    package init(
        highWatermark: Int = ByteChannel.defaultHighWatermark,
        onDemand: (@Sendable () -> Void)? = nil,
        onCancel: (@Sendable () -> Void)? = nil
    ) {
        self.highWatermark = highWatermark
        self.onDemand = onDemand
        self.onCancel = onCancel
    }

    // MARK: Producer

    /// Takes the bytes unless the buffer is full; `false` means they were not taken and the
    /// producer should pause until ``onDemand`` fires.
    package func offer(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let (accepted, reader, chunk) = state.withLock { state -> (Bool, CheckedContinuation<Data?, any Error>?, Data?) in
            if state.cancelled || state.terminal != nil { return (true, nil, nil) }
            if state.pending.count >= highWatermark {
                state.producerPaused = true
                return (false, nil, nil)
            }
            if let reader = state.reader {
                state.reader = nil
                return (true, reader, Data(bytes))
            }
            state.pending.append(contentsOf: bytes)
            return (true, nil, nil)
        }
        reader?.resume(returning: chunk)
        return accepted
    }

    /// Takes the bytes whatever the buffer holds, for producers that cannot refuse them (a
    /// URLSession delegate); `true` means the buffer is now full and the producer should pause
    /// until ``onDemand`` fires. Check ``isProducerPaused`` again, under the lock that orders the
    /// pause with ``onDemand``, before pausing: the reader may have drained the buffer meanwhile.
    package func deliver(_ data: Data) -> Bool {
        let (reader, chunk, full) = state.withLock { state -> (CheckedContinuation<Data?, any Error>?, Data?, Bool) in
            if state.cancelled || state.terminal != nil { return (nil, nil, false) }
            if let reader = state.reader {
                state.reader = nil
                return (reader, data, false)
            }
            state.pending.append(data)
            let full = state.pending.count >= highWatermark
            if full { state.producerPaused = true }
            return (nil, nil, full)
        }
        reader?.resume(returning: chunk)
        return full
    }

    /// `true` while the producer has been told to pause and the reader has not yet asked for more.
    package var isProducerPaused: Bool {
        state.withLock { $0.producerPaused }
    }

    /// Ends the stream, with an error or normally. Later calls are ignored.
    package func finish(throwing error: (any Error)? = nil) {
        let reader = state.withLock { state -> CheckedContinuation<Data?, any Error>? in
            guard state.terminal == nil, !state.cancelled else { return nil }
            state.terminal = error.map { .failure($0) } ?? .success(())
            guard state.pending.isEmpty, let reader = state.reader else { return nil }
            state.reader = nil
            state.terminalDelivered = true
            return reader
        }
        if let reader {
            if let error { reader.resume(throwing: error) } else { reader.resume(returning: nil) }
        }
    }

    // MARK: Reader

    /// The next bytes, or `nil` at the end. Throws the transport's error after all bytes received
    /// before it, or ``HTTPTransportError/Code/cancelled`` once cancelled.
    package func next() async throws -> Data? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                let outcome = state.withLock { state -> (Result<Data?, any Error>?, Bool) in
                    if state.cancelled { return (.failure(HTTPTransportError.cancelled()), false) }
                    if !state.pending.isEmpty {
                        let chunk = state.pending
                        state.pending = Data()
                        let resumeProducer = state.producerPaused
                        state.producerPaused = false
                        return (.success(chunk), resumeProducer)
                    }
                    if let terminal = state.terminal {
                        if state.terminalDelivered { return (.success(nil), false) }
                        state.terminalDelivered = true
                        switch terminal {
                        case .success: return (.success(nil), false)
                        case .failure(let error): return (.failure(error), false)
                        }
                    }
                    if state.reader != nil {
                        return (.failure(HTTPTransportError(.bodyAlreadyRead, "The response body is already being read by another iterator; iterate a body once.")), false)
                    }
                    state.reader = continuation
                    let resumeProducer = state.producerPaused
                    state.producerPaused = false
                    return (nil, resumeProducer)
                }
                let (result, resumeProducer) = outcome
                if resumeProducer { onDemand?() }
                if let result { continuation.resume(with: result) }
            }
        } onCancel: {
            cancel()
        }
    }

    /// The reader gives up: buffered bytes are dropped and the transfer is aborted.
    package func cancel() {
        let (reader, abort) = state.withLock { state -> (CheckedContinuation<Data?, any Error>?, Bool) in
            guard !state.cancelled, !state.terminalDelivered else { return (nil, false) }
            state.cancelled = true
            state.pending = Data()
            let reader = state.reader
            state.reader = nil
            return (reader, state.terminal == nil)
        }
        reader?.resume(throwing: HTTPTransportError.cancelled())
        if abort { onCancel?() }
    }
}
