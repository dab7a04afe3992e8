/// The client's redirect step: follows redirects under ``HTTPRedirect``'s policy, for every
/// transport, up to five hops. It runs inside the credential step, so a hop to another origin
/// loses the token and `X-HF-Bill-To`, and outside the preflight step, so every hop is checked
/// (plain http to a non-loopback host is refused there, wherever the redirect pointed).
struct RedirectMiddleware: HFMiddleware {
    static let maximumHops = 5

    func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        try await following(request, head: \.head) { try await next($0, context) }
    }

    func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        // A streamed redirect's body is dropped unread, which closes its connection: reading it
        // could take as long as a slow server likes, past the call's deadline.
        try await following(request, head: \.head) { try await next($0, context) }
    }

    /// Sends `request`, and each redirected request, until a response is not a redirect to follow.
    private func following<Response>(
        _ request: HTTPRequest, head: (Response) -> HTTPResponseHead, _ send: (HTTPRequest) async throws -> Response
    ) async throws -> Response {
        var request = request
        for _ in 0...Self.maximumHops {
            let response = try await send(request)
            guard let redirected = try follow(head(response), of: request) else { return response }
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
