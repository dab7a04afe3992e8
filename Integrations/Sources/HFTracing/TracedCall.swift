import Foundation
import HFCore
import Tracing

/// One call's span while the call is under way: the request level finds it through a task-local
/// value bound around the operation (a nested Hub look-up binds its own). It ends when the
/// operation has returned and every body it opened has ended, whichever comes last; an operation
/// that throws ends it at once.
final class TracedCall: @unchecked Sendable {
    @TaskLocal static var current: TracedCall?

    let span: any Span
    private let start = ContinuousClock.now
    /// Guards the state below; the span itself is safe to touch from any task.
    private let lock = NSLock()
    private var openBodies = 0
    private var returned = false
    private var firstChunkSeen = false
    private var error: HFError.Category?
    private var ended = false

    init(span: any Span, provider: Provider?) {
        self.span = span
        addressed(to: provider)
    }

    /// A request of the call goes to `provider` (`nil` when the router chooses).
    func addressed(to provider: Provider?) {
        if let provider { span.attributes["gen_ai.provider.name"] = provider.rawValue }
    }

    /// A response (or a stream's head) arrived with `status`.
    func responded(_ status: Int) {
        span.attributes["http.response.status_code"] = status
    }

    /// A streamed body of the call, watched as its reader takes it.
    func watch(_ response: HTTPStreamingResponse) -> HTTPStreamingResponse {
        lock.withLock { openBodies += 1 }
        let watcher = BodyWatcher(call: self, isAnswer: response.head.isSuccess)
        return HTTPStreamingResponse(head: response.head, body: response.body.observed(watcher))
    }

    /// The first chunk of an answer's body: the stream's first token (a second body's, after a
    /// failover, is not).
    fileprivate func firstChunk() {
        guard lock.withLock({ () -> Bool in
            defer { firstChunkSeen = true }
            return !firstChunkSeen
        }) else { return }
        span.attributes["hf.time_to_first_token_ms"] = (ContinuousClock.now - start) / .milliseconds(1)
        span.addEvent("first token")
    }

    /// A streamed body ended, normally (`error` `nil`) or not.
    fileprivate func bodyEnded(error: HFError.Category?) {
        let done = lock.withLock { () -> Bool in
            if self.error == nil { self.error = error }
            openBodies -= 1
            return returned && openBodies == 0
        }
        if done { end(error: nil) }
    }

    /// The operation returned its result.
    func operationReturned() {
        let done = lock.withLock { () -> Bool in
            returned = true
            return openBodies == 0
        }
        if done { end(error: nil) }
    }

    /// Ends the span once, failed with the first error the call met, or `error`.
    func end(error: HFError.Category?) {
        let (isFirstEnd, failure) = lock.withLock { () -> (Bool, HFError.Category?) in
            defer { ended = true }
            return (!ended, self.error ?? error)
        }
        guard isFirstEnd else { return }
        if let failure {
            span.attributes["error.type"] = failure.name
            span.setStatus(SpanStatus(code: .error, message: failure.name))
        }
        span.end()
    }
}

/// Watches a streamed body for its first chunk and its end, on its reader's task: no lock per
/// chunk, no task of its own.
private final class BodyWatcher: HTTPBodyObserver, @unchecked Sendable {
    private let call: TracedCall
    /// A 2xx body: its first chunk is the first token and its failure the call's. An error body's
    /// call fails with its status.
    private let isAnswer: Bool
    /// Touched only by the body's one reader, on its task.
    private var waitingForFirstChunk: Bool

    init(call: TracedCall, isAnswer: Bool) {
        self.call = call
        self.isAnswer = isAnswer
        waitingForFirstChunk = isAnswer
    }

    func didReceive(_ chunk: Data) {
        guard waitingForFirstChunk, !chunk.isEmpty else { return }
        waitingForFirstChunk = false
        call.firstChunk()
    }

    /// A started stream that breaks is ``HFError/Category/streamInterrupted`` (what the reader
    /// gets); one its reader dropped before the end is cancelled.
    func didFinish(error: (any Error)?) {
        let failure = error.map { HFError.Category(of: $0) }.map { $0 == .cancelled ? $0 : HFError.Category.streamInterrupted }
        call.bodyEnded(error: isAnswer ? failure : nil)
    }
}
