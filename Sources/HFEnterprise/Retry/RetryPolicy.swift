import HFCore

/// When to send a failed call again, and how long to wait first: exponential backoff with full
/// jitter, a limit on attempts and on the time spent, and the server's own wait honoured.
///
/// After attempt `n` fails with a retryable error, the policy waits a random time in
/// `0...min(maxDelay, baseDelay × 2^(n-1))` (full jitter: clients that failed together do not come
/// back together), or longer when the server named a wait: `Retry-After` (``HFError/retryAfter``)
/// or a loading model's `estimated_time` (``HFError/estimatedTime``), each capped at
/// ``maxServerWait`` so a server cannot park the client for hours. It stops after ``maxAttempts``
/// attempts, and does not start a wait that would end more than ``maxElapsedTime`` after the first
/// attempt began; the last error is then thrown.
///
/// Nothing retries unless you ask: install a ``RetryMiddleware`` on the client, or wrap code of your
/// own in ``run(clock:isolation:_:)``.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(500))
/// let client = HFClient(middleware: [RetryMiddleware(policy: policy)])
/// // or, around code of your own:
/// let answer = try await policy.run { attempt in
///     try await client.inference.chat("Hi", model: .llama3_8BInstruct)
/// }
/// ```
public struct RetryPolicy: Sendable {
    /// How many times a call is sent at most, the first included; values below 1 count as 1.
    public var maxAttempts: Int
    /// The bound of the first wait; each later bound doubles, up to ``maxDelay``.
    public var baseDelay: Duration
    /// The largest bound of a backoff wait.
    public var maxDelay: Duration
    /// No wait starts that would end later than this after the first attempt began.
    public var maxElapsedTime: Duration
    /// The longest a server's `Retry-After` or `estimated_time` can make the client wait.
    public var maxServerWait: Duration
    /// The categories retried. The ``neverRetried`` ones are not, even if listed here; ``HFError/Category/api``
    /// errors only with a status in ``retryableStatuses``.
    public var retryableCategories: Set<HFError.Category>
    /// The statuses of ``HFError/Category/api`` errors that are retried.
    public var retryableStatuses: Set<Int>
    /// The jitter's random numbers.
    public var random: RandomSource

    /// What is retried by default: rate limits, unavailable or loading models, network failures,
    /// timeouts, and server failures with a status in ``defaultRetryableStatuses``.
    public static let defaultRetryableCategories: Set<HFError.Category> = [.rateLimited, .modelUnavailable, .network, .timeout, .api]

    /// The statuses of server failures retried by default: failures of the router or provider
    /// that a later attempt often escapes, unlike a 400 or 404.
    public static let defaultRetryableStatuses: Set<Int> = [500, 502, 503, 504]

    /// Never retried: the same request would fail the same way (validation, authentication,
    /// decoding, too large), the caller stopped it (cancelled), or part of the answer was already
    /// delivered (a stream that broke).
    public static let neverRetried: Set<HFError.Category> = [.validation, .authentication, .decoding, .cancelled, .responseTooLarge, .streamInterrupted]

    /// A policy; the defaults send a call up to 4 times within 2 minutes, waiting up to 1, 2, 4 s
    /// between attempts, or what the server asks up to a minute.
    public init(
        maxAttempts: Int = 4,
        baseDelay: Duration = .seconds(1),
        maxDelay: Duration = .seconds(30),
        maxElapsedTime: Duration = .seconds(120),
        maxServerWait: Duration = .seconds(60),
        retryableCategories: Set<HFError.Category> = defaultRetryableCategories,
        retryableStatuses: Set<Int> = defaultRetryableStatuses,
        random: RandomSource = .system
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxElapsedTime = maxElapsedTime
        self.maxServerWait = maxServerWait
        self.retryableCategories = retryableCategories
        self.retryableStatuses = retryableStatuses
        self.random = random
    }

    // MARK: Decisions

    /// Whether `error` is worth another attempt.
    public func isRetryable(_ error: HFError) -> Bool {
        guard retryableCategories.contains(error.category), !Self.neverRetried.contains(error.category) else { return false }
        guard error.category == .api else { return true }
        return error.status.map(retryableStatuses.contains) ?? false
    }

    /// The bound of the backoff after attempt `attempt` failed: `min(maxDelay, baseDelay × 2^(attempt-1))`.
    public func backoffBound(afterAttempt attempt: Int) -> Duration {
        let ceiling = max(maxDelay, .zero)
        var bound = max(baseDelay, .zero)
        var doublings = max(attempt, 1) - 1
        // Doubling stops at the ceiling, so large attempt numbers cannot overflow.
        while doublings > 0, bound > .zero, bound < ceiling {
            bound = bound * 2
            doublings -= 1
        }
        return min(bound, ceiling)
    }

    /// The server's wait for `error` (the longer of `Retry-After` and `estimated_time`), capped
    /// at ``maxServerWait``; `nil` when the server named none.
    public func serverWait(for error: HFError) -> Duration? {
        guard let asked = [error.retryAfter, error.estimatedTime].compactMap({ $0 }).max() else { return nil }
        return min(asked, max(maxServerWait, .zero))
    }

    /// How long to wait after attempt `attempt` failed with `error`: a random time within the
    /// backoff bound, or the server's wait if that is longer.
    public func delay(afterAttempt attempt: Int, failingWith error: HFError) -> Duration {
        let backoff = backoffBound(afterAttempt: attempt) * random.next()
        return max(backoff, serverWait(for: error) ?? .zero)
    }

    // MARK: Running

    /// Runs `body` until it succeeds, a failure is not retryable, or a limit is reached, waiting on
    /// `clock` between attempts. `body` gets the attempt number, from 1.
    ///
    /// Only ``HFError``s are retried; any other error, and a non-retryable ``HFError``, is thrown at
    /// once, unchanged. When a limit ends the retries, the last error is thrown with the number of
    /// attempts added to its ``HFError/recoverySuggestion``. Cancelling the task ends a wait at
    /// once with a ``HFError/Category/cancelled`` error. A ``RetryMiddleware`` on a client called
    /// within `body` does not retry on its own: this run retries the whole.
    ///
    /// ```swift
    /// let policy = RetryPolicy(maxAttempts: 3)
    /// let vectors = try await policy.run { attempt in
    ///     try await client.embeddings.embed("Hello", model: "sentence-transformers/all-MiniLM-L6-v2")
    /// }
    /// ```
    public func run<Result>(
        clock: some HFClock = .system,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (_ attempt: Int) async throws -> Result
    ) async throws -> Result {
        let start = clock.now
        var attempt = 1
        while true {
            do {
                return try await Self.$isRunning.withValue(true) { try await body(attempt) }
            } catch let error as HFError where isRetryable(error) {
                guard attempt < maxAttempts else {
                    throw Self.gaveUp(error, attempts: attempt, limit: "its limit of \(maxAttempts) attempts")
                }
                let wakeUp = clock.now + delay(afterAttempt: attempt, failingWith: error)
                guard wakeUp - start <= maxElapsedTime else {
                    throw Self.gaveUp(error, attempts: attempt, limit: "its time limit of \(maxElapsedTime.formattedSeconds)")
                }
                do {
                    try await clock.sleep(until: wakeUp)
                } catch {
                    throw HFError.cancelled()
                }
                attempt += 1
            }
        }
    }

    /// Whether the current task is inside ``run(clock:isolation:_:)``: calls made there are retried
    /// as part of the outer call, not on their own.
    @TaskLocal static var isRunning = false

    /// `error`, saying that the policy sent the call `attempts` times and stopped at `limit`.
    private static func gaveUp(_ error: HFError, attempts: Int, limit: String) -> HFError {
        guard attempts > 1 else { return error }
        var error = error
        error.recoverySuggestion = "The retry policy sent the call \(attempts) times and stopped at \(limit). " + error.recoverySuggestion
        return error
    }
}
