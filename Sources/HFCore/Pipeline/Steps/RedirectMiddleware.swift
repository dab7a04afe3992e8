/// The client's redirect step: follows redirects under ``HTTPRedirect``'s policy, for every
/// transport, up to five hops. It runs inside the credential step, so a hop to another origin
/// loses the token and `X-HF-Bill-To`, and outside the preflight step, so every hop is checked
/// (plain http to a non-loopback host is refused there, wherever the redirect pointed).
struct RedirectMiddleware: HFMiddleware {
    static let maximumHops = 5

    func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        var request = request
        for _ in 0...Self.maximumHops {
            let response = try await next(request, context)
            guard let redirected = try follow(response.head, of: request) else { return response }
            request = redirected
        }
        throw tooManyRedirects(request)
    }

    func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        var request = request
        for _ in 0...Self.maximumHops {
            let response = try await next(request, context)
            guard let redirected = try follow(response.head, of: request) else { return response }
            // A redirect's body is a short note; dropping an unread one would close the connection.
            // Only cancellation matters if reading it fails: the next hop is what counts.
            do {
                _ = try await response.collect(limit: 64 << 10)
            } catch {
                if Task.isCancelled { throw HFError.cancelled() }
            }
            request = redirected
        }
        throw tooManyRedirects(request)
    }

    private func follow(_ head: HTTPResponseHead, of request: HTTPRequest) throws(HFError) -> HTTPRequest? {
        do {
            return try HTTPRedirect.next(after: head, of: request)
        } catch {
            throw .network("Refused a redirect: \(error).", underlying: error)
        }
    }

    private func tooManyRedirects(_ request: HTTPRequest) -> HFError {
        .network("Too many redirects (more than \(Self.maximumHops)) for \(request.route).")
    }
}
