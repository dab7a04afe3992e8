import HFCore

/// Sends a failed call again under a ``RetryPolicy``: the whole call, route resolution included,
/// with ``HFRequestContext/attempt`` counted up and a fresh deadline for each attempt.
///
/// ```swift
/// let client = HFClient(middleware: [RetryMiddleware(policy: RetryPolicy(maxAttempts: 5))])
/// let answer = try await client.inference.chat("Hi", model: .llama3_8BInstruct)   // up to 5 tries
/// ```
///
/// It works at the operation level (``HFMiddleware/interceptOperation(_:next:)``), so it sees only
/// failures that happen before the caller got anything:
/// - a whole response (chat, embeddings, tasks) is handed over only once it has been read and
///   decoded, so a failure while sending, waiting or reading it is retried when its category is;
/// - a stream's operation ends when its response head arrives, so only failures before the head
///   (a refused connection, a 429 or 503 status, a timeout) are retried. Once the head has
///   arrived the stream is the caller's: a break later is thrown from iteration as
///   ``HFError/Category/streamInterrupted`` and is never retried, since its text may already have
///   been shown.
///
/// Each attempt's deadline is as far from its start as the first attempt's was (the client's
/// ``HFConfiguration/requestTimeout`` when nothing runs before this middleware), so a timed-out
/// attempt does not leave the next one without time. A call made inside another retrying call
/// (the Hub look-up of a provider mapping, or a call within ``RetryPolicy/run(clock:isolation:_:)``)
/// is not retried on its own: the outer call is retried as a whole, so attempts never multiply.
///
/// Which calls are safe to repeat: every inference call of this package is a POST that creates
/// nothing and changes nothing on the server, so repeating it is harmless for the client, and Hub
/// look-ups are GETs. But a call the server had already run before failing (a timeout or a
/// connection reset after the request was sent, a 5xx after generation, a result file that failed
/// to download) runs again, and a generation (chat, text, images, video, speech) may be billed
/// twice, and may answer differently. Requests of your own sent with `client.send` or
/// `client.stream` are repeated too, whatever their method: send requests that must not be
/// repeated (Hub writes) through a client without this middleware.
public struct RetryMiddleware: HFMiddleware {
    /// The policy that decides what is retried and how long to wait.
    public let policy: RetryPolicy
    private let clock: any HFClock

    /// A middleware retrying under `policy`, waiting and measuring time on `clock`.
    public init(policy: RetryPolicy = RetryPolicy(), clock: some HFClock = .system) {
        self.policy = policy
        self.clock = clock
    }

    public func interceptOperation<Result: Sendable>(
        _ context: HFRequestContext,
        next: @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        // A health probe must report what it found, not what a retry made of it.
        guard !RetryPolicy.isRunning, context.operation != .healthProbe else { return try await next(context) }
        let budget = context.deadline - clock.now
        return try await policy.run(clock: clock) { attempt in
            var current = context
            current.attempt = context.attempt + attempt - 1
            if attempt > 1 { current.deadline = clock.now + budget }
            return try await next(current)
        }
    }
}
