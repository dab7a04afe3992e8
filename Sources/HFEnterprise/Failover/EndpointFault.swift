import Foundation

/// A failure that says the endpoint, not the request, is at fault, so another endpoint may
/// succeed where it failed: a 5xx, a 429, a model that cannot be served, a network or TLS failure, a
/// timeout, or a circuit breaker that keeps calls from it. A refused request (validation, authentication, a 4xx), a reply that could not be
/// decoded and a cancelled call are the request's or the caller's: another endpoint would fail the
/// same way, or must not be asked at all.
struct EndpointFault {
    /// How long the endpoint asked to be left alone, if it said.
    let retryAfter: Duration?

    /// The fault `error` stands for, or `nil` when the endpoint is not at fault.
    init?(_ error: any Error) {
        // Only what the client itself reports: an error of the caller's own code says nothing of the endpoint.
        guard error is HFError || error is HTTPTransportError else { return nil }
        let failure = HFError(caught: error)
        switch failure.category {
        case .network, .tls, .timeout, .modelUnavailable, .rateLimited, .circuitOpen:
            break
        case .api where (failure.status ?? 0) >= 500:
            break
        default:
            return nil
        }
        retryAfter = failure.retryAfter ?? failure.estimatedTime
    }

    /// The fault a response's status stands for (5xx, 429), or `nil` for any other status.
    init?(_ response: HTTPResponse) {
        guard response.status >= 500 || response.status == 429 else { return nil }
        self.init(HFError(response: response))
    }
}
