extension CircuitBreaker {
    /// What a finished call says about the service's health.
    ///
    /// ```swift
    /// let permit = try await breaker.acquire()
    /// do {
    ///     let answer = try await client.inference.chat("Hi", model: .llama3_8BInstruct)
    ///     await breaker.record(permit, .success)
    /// } catch {
    ///     await breaker.record(permit, error: error)   // classified: server-side failures count
    /// }
    /// ```
    public enum Outcome: Sendable, Hashable {
        /// The service answered (a 4xx answer included): it is up.
        case success
        /// The service failed or could not be reached.
        case failure
        /// The call says nothing about the service (refused before sending, cancelled, over quota);
        /// it is not counted, and a probe that ends this way frees its place.
        case ignored

        /// The default classification: server-side and transport failures count.
        ///
        /// - failure: ``HFError/Category/network``, ``HFError/Category/tls``, ``HFError/Category/timeout``,
        ///   ``HFError/Category/modelUnavailable`` (503), ``HFError/Category/streamInterrupted``,
        ///   ``HFError/Category/api`` with a 5xx or no status, and any error that is not an
        ///   ``HFError`` (the breaker cannot tell it is harmless);
        /// - ignored: ``HFError/Category/validation`` and ``HFError/Category/circuitOpen`` (nothing was
        ///   sent), ``HFError/Category/cancelled`` and `CancellationError`, and
        ///   ``HFError/Category/rateLimited``: a 429 says this caller is too fast, not that the
        ///   service is down; the rate limiter and the retry policy answer it;
        /// - success: every other ``HFError`` (authentication, a 4xx, decoding): the service answered.
        public static func serverSide(_ error: any Error) -> Outcome {
            let failure = HFError(caught: error)
            switch failure.category {
            case .network, .tls, .timeout, .modelUnavailable, .streamInterrupted:
                return .failure
            case .api:
                return (failure.status ?? 500) >= 500 ? .failure : .success
            case .validation, .circuitOpen, .cancelled, .rateLimited:
                return .ignored
            default:
                return .success
            }
        }
    }
}
