extension HFError.Category {
    /// A ``CircuitBreaker`` refused the call without sending it, because the service failed
    /// repeatedly; ``HFError/retryAfter`` says when the breaker lets a probe through.
    public static let circuitOpen = HFError.Category("circuitOpen")
}

extension HFError {
    /// The error an open (or fully probing) breaker fails fast with.
    static func circuitOpen(_ message: String, retryAfter: Duration?) -> HFError {
        var error = HFError(
            category: .circuitOpen,
            message: "\(message); the call was not sent",
            recoverySuggestion: "Wait for `retryAfter` (when set) before calling again, or send the call to another provider or endpoint; the breaker lets probe calls through once its open time has passed."
        )
        error.retryAfter = retryAfter
        return error
    }
}
