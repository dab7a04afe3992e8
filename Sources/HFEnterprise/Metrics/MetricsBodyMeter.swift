import Foundation

/// Counts a streamed body's bytes and times its first chunk as the reader takes them, and tells
/// its ``MetricsCall`` at the end: no lock per chunk, no task of its own.
final class MetricsBodyMeter: HTTPBodyObserver, @unchecked Sendable {
    private let call: MetricsCall
    private let clock: any HFClock
    /// A 2xx body: its first chunk is timed and its failure is the call's. An error body is only
    /// counted; the call fails with its status.
    private let isAnswer: Bool
    /// Touched only by the body's one reader, on its task (or, for a dropped body, once it is gone).
    private var received = 0
    private var firstChunk: ContinuousClock.Instant?

    init(call: MetricsCall, clock: any HFClock, isAnswer: Bool) {
        self.call = call
        self.clock = clock
        self.isAnswer = isAnswer
    }

    func didReceive(_ chunk: Data) {
        if isAnswer, firstChunk == nil, !chunk.isEmpty { firstChunk = clock.now }
        received += chunk.count
    }

    /// A started stream that breaks counts as ``HFError/Category/streamInterrupted`` (what
    /// HFStreaming's readers get); one its reader dropped before the end as cancelled.
    func didFinish(error: (any Error)?) {
        let failure = error.map { HFError(caught: $0).category }.map { $0 == .cancelled ? $0 : HFError.Category.streamInterrupted }
        call.bodyEnded(received: received, firstChunk: firstChunk, error: isAnswer ? failure : nil)
    }
}
