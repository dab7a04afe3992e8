/// The client's credential step: asks the token provider for the token each attempt needs (as the
/// context's ``TokenRequirement`` says) and adds `X-HF-Bill-To` to requests that carry a token's
/// authority. It runs after the caller's middleware, which therefore never sees the token, and
/// before redirects, which strip both from a request leaving for another origin. A credential a
/// middleware or the caller set on the request itself is left as it is (and scrubbed like the
/// provider's tokens).
struct CredentialMiddleware: HFMiddleware {
    let configuration: HFConfiguration
    let redactor: Redactor

    func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        try await next(try await authorize(request, context), context)
    }

    func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        try await next(try await authorize(request, context), context)
    }

    private func authorize(_ request: HTTPRequest, _ context: HFRequestContext) async throws(HFError) -> HTTPRequest {
        var request = request
        if let billTo = configuration.billTo, context.token != .never { request.headers["X-HF-Bill-To"] = billTo }
        // Credentials a middleware or the caller wrote as headers (`x-api-key`, a `Bearer` value).
        for field in request.headers where HTTPHeaders.isSensitive(field.name) {
            redactor.remember(Secret(field.value))
            if field.value.hasPrefix("Bearer ") { redactor.remember(Secret(String(field.value.dropFirst(7)))) }
        }
        if let given = request.authorization {
            redactor.remember(given)
            return request
        }
        switch context.token {
        case .never:
            return request
        case .required:
            guard let token = try await configuration.tokenProvider.token() else {
                throw .missingToken(searched: configuration.searchedTokenLocations)
            }
            request.authorization = token
        case .ifAvailable:
            request.authorization = try await configuration.tokenProvider.token()
        case .ifHuggingFaceToken:
            request.authorization = try await configuration.tokenProvider.token().flatMap { $0.isHuggingFaceToken ? $0 : nil }
        }
        if let token = request.authorization { redactor.remember(token) }
        return request
    }
}
