import Foundation

/// Whether a request carries the token.
public enum TokenRequirement: Sendable {
    /// The call fails with an authentication error before sending if no token is configured.
    case required
    /// The token is sent when there is one.
    case ifAvailable
    /// The token is sent only when it is a Hugging Face token (`hf_…`): for the Hub, which answers
    /// public look-ups anonymously and must never receive a provider's own API key.
    case ifHuggingFaceToken
    /// Never sent, e.g. to a third-party URL a provider handed back.
    case never
}

extension HFClient {
    // MARK: Building requests

    /// A request with the client's defaults: user agent, extra headers, `X-HF-Bill-To`, limits, and
    /// the token as `requirement` says. Fails before any network use when a required token is
    /// missing, the URL is plain http to a non-loopback host, or offline mode is on.
    public func makeRequest(
        _ method: HTTPMethod,
        url: URL,
        body: Data? = nil,
        contentType: String? = nil,
        accept: String? = nil,
        token requirement: TokenRequirement = .required,
        provider: Provider? = nil
    ) throws(HFError) -> HTTPRequest {
        var headers = configuration.extraHeaders
        headers["Authorization"] = nil
        headers["User-Agent"] = configuration.userAgent
        if let contentType { headers["Content-Type"] = contentType }
        if let accept { headers["Accept"] = accept }
        if let billTo = configuration.billTo, requirement != .never { headers["X-HF-Bill-To"] = billTo }

        var authorization: Secret?
        switch requirement {
        case .required:
            guard let token = configuration.token, !token.isEmpty else {
                throw .missingToken(searched: configuration.searchedTokenLocations)
            }
            authorization = token
        case .ifAvailable:
            authorization = configuration.token
        case .ifHuggingFaceToken:
            authorization = configuration.token.flatMap { $0.isHuggingFaceToken ? $0 : nil }
        case .never:
            authorization = nil
        }
        let request = HTTPRequest(
            method: method, url: url, headers: headers, body: body,
            authorization: authorization, limits: configuration.limits, provider: provider
        )
        try preflight(request)
        return request
    }

    /// A `POST` of `body` as JSON, keys in declaration order (so `model` leads).
    public func makeJSONRequest(
        url: URL,
        body: some Encodable,
        accept: String = "application/json",
        token requirement: TokenRequirement = .required,
        provider: Provider? = nil
    ) throws(HFError) -> HTTPRequest {
        let data: Data
        do {
            data = try JSONValueEncoder().encode(body)
        } catch {
            throw .validation(field: "body", "could not be encoded as JSON: \(error)")
        }
        return try makeRequest(.post, url: url, body: data, contentType: "application/json", accept: accept, token: requirement, provider: provider)
    }

    /// Checks a request against the configuration's safety rules, before anything is sent.
    func preflight(_ request: HTTPRequest) throws(HFError) {
        if configuration.isOffline {
            throw HFError(
                category: .network,
                message: "Offline mode is on (HF_HUB_OFFLINE), so \(request.route) was not sent.",
                recoverySuggestion: "Unset HF_HUB_OFFLINE to allow network calls."
            )
        }
        guard let scheme = request.url.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            throw .validation(field: "url", "\(request.url.absoluteString) is not an http(s) URL")
        }
        if scheme == "http", !configuration.allowsInsecureHTTP, !Self.isLoopback(request.url.host) {
            throw .validation(
                field: "url",
                "plain http to \(request.url.host ?? "?") would send the token unencrypted; use https, or set HFConfiguration.allowsInsecureHTTP for a trusted network"
            )
        }
    }

    /// `true` for `localhost`, 127.0.0.0/8 and ::1, where plain http never leaves the machine.
    static func isLoopback(_ host: String?) -> Bool {
        guard var host = host?.lowercased() else { return false }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let octets = host.split(separator: ".")
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    // MARK: Sending

    /// Sends `request` through the middleware and the transport and reads the whole response.
    /// A non-2xx status becomes the matching ``HFError``; every failure is an ``HFError``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try preflight(request)
        let response: HTTPResponse
        do {
            response = try await sendThroughMiddleware(request, index: 0)
        } catch {
            throw normalize(error, request: request)
        }
        guard response.head.isSuccess else {
            throw HFError(response: response, url: request.url, provider: request.provider, secret: configuration.token)
        }
        return response
    }

    /// Sends `request` and returns when the response head arrives; the body streams after. A
    /// non-2xx status becomes the matching ``HFError`` (its body, up to 1 MiB, read for the message).
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        try preflight(request)
        let response: HTTPStreamingResponse
        do {
            response = try await streamThroughMiddleware(request, index: 0)
        } catch {
            throw normalize(error, request: request)
        }
        guard response.head.isSuccess else {
            var body = Data()
            do {
                for try await chunk in response.body {
                    body.append(chunk.prefix(max(0, (1 << 20) - body.count)))
                    if body.count >= 1 << 20 { break }
                }
            } catch {
                // The status says what went wrong; a body cut short only loses detail.
            }
            let whole = HTTPResponse(head: response.head, body: body)
            throw HFError(response: whole, url: request.url, provider: request.provider, secret: configuration.token)
        }
        return response
    }

    private func sendThroughMiddleware(_ request: HTTPRequest, index: Int) async throws -> HTTPResponse {
        // Without middleware the request reaching the transport is the one `send` checked.
        guard index < middleware.count else { return try await sendOnTransport(request, checked: index == 0) }
        return try await middleware[index].intercept(request) { [self] next in
            try await sendThroughMiddleware(next, index: index + 1)
        }
    }

    private func streamThroughMiddleware(_ request: HTTPRequest, index: Int) async throws -> HTTPStreamingResponse {
        guard index < middleware.count else { return try await streamOnTransport(request, checked: index == 0) }
        return try await middleware[index].interceptStream(request) { [self] next in
            try await streamThroughMiddleware(next, index: index + 1)
        }
    }

    // MARK: Transport calls, logged

    /// `checked`: the request is the one the caller passed through ``preflight(_:)``; a middleware
    /// may have changed any other, so it is checked again here, before any byte leaves.
    private func sendOnTransport(_ request: HTTPRequest, checked: Bool) async throws -> HTTPResponse {
        if !checked { try preflight(request) }
        let start = ContinuousClock.now
        logStart(request)
        do {
            let response = try await transport.send(request)
            logFinish(request, head: response.head, start: start, bytesReceived: response.body.count)
            return response
        } catch {
            let normalized = normalize(error, request: request)
            logFailure(request, error: normalized, start: start)
            throw normalized
        }
    }

    private func streamOnTransport(_ request: HTTPRequest, checked: Bool) async throws -> HTTPStreamingResponse {
        if !checked { try preflight(request) }
        let start = ContinuousClock.now
        logStart(request)
        do {
            let response = try await transport.stream(request)
            logFinish(request, head: response.head, start: start, bytesReceived: nil)
            guard let logger = configuration.logger, logger.isEnabled(.debug) else { return response }
            return HTTPStreamingResponse(head: response.head, body: loggedBody(response.body, request: request, start: start, logger: logger))
        } catch {
            let normalized = normalize(error, request: request)
            logFailure(request, error: normalized, start: start)
            throw normalized
        }
    }

    /// Any error as an ``HFError``, scrubbed of the token.
    func normalize(_ error: any Error, request: HTTPRequest) -> HFError {
        if let error = error as? HFError { return error.attributed(to: request.provider) }
        if error is CancellationError { return .cancelled() }
        let text = configuration.token?.scrub("\(error)") ?? "\(error)"
        return HFError.network("The transport failed for \(request.route).", underlying: text).attributed(to: request.provider)
    }

    private func loggedBody(_ body: HTTPBodyStream, request: HTTPRequest, start: ContinuousClock.Instant, logger: HFLogger) -> HTTPBodyStream {
        HTTPBodyStream(CountingSequence(base: body) { received, error in
            logger.log(HFLogEvent(
                level: error == nil ? .debug : .warning, kind: .streamFinished, method: request.method.rawValue,
                route: request.route, duration: .now - start, provider: request.provider, bytesReceived: received,
                message: error.map { "\($0.category): \($0.message)" }
            ))
        })
    }

    private func logStart(_ request: HTTPRequest) {
        guard let logger = configuration.logger, logger.isEnabled(.trace) else { return }
        logger.log(HFLogEvent(
            level: .trace, kind: .requestStarted, method: request.method.rawValue, route: request.route,
            provider: request.provider, bytesSent: request.body?.count ?? 0
        ))
    }

    private func logFinish(_ request: HTTPRequest, head: HTTPResponseHead, start: ContinuousClock.Instant, bytesReceived: Int?) {
        guard let logger = configuration.logger else { return }
        let level: HFLogLevel = head.isSuccess ? .debug : (head.status >= 500 ? .error : .warning)
        let warnings = head.headers.values(for: "X-HF-Warning")
        // The route is built only for an event that will be delivered.
        guard logger.isEnabled(level) || (!warnings.isEmpty && logger.isEnabled(.warning)) else { return }
        let route = request.route
        let requestID = head.headers["X-Request-Id"]
        logger.log(HFLogEvent(
            level: level, kind: .requestFinished, method: request.method.rawValue, route: route,
            status: head.status, duration: .now - start, requestID: requestID, provider: request.provider,
            bytesSent: request.body?.count ?? 0, bytesReceived: bytesReceived
        ))
        for warning in warnings {
            logger.log(HFLogEvent(
                level: .warning, kind: .serverWarning, method: request.method.rawValue, route: route,
                status: head.status, requestID: requestID, provider: request.provider,
                message: configuration.token?.scrub(warning) ?? warning
            ))
        }
    }

    private func logFailure(_ request: HTTPRequest, error: HFError, start: ContinuousClock.Instant) {
        let level: HFLogLevel = error.category == .cancelled ? .debug : .error
        guard let logger = configuration.logger, logger.isEnabled(level) else { return }
        logger.log(HFLogEvent(
            level: level, kind: .requestFailed, method: request.method.rawValue,
            route: request.route, duration: .now - start, provider: request.provider,
            bytesSent: request.body?.count ?? 0, message: "\(error.category): \(error.message)"
        ))
    }
}

/// Passes chunks through, counting bytes, and reports once at the end.
private struct CountingSequence: AsyncSequence, Sendable {
    typealias Element = Data
    let base: HTTPBodyStream
    let onEnd: @Sendable (Int, HFError?) -> Void

    func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), onEnd: onEnd)
    }

    struct Iterator: AsyncIteratorProtocol {
        var base: HTTPBodyStream.Iterator
        let onEnd: @Sendable (Int, HFError?) -> Void
        var received = 0

        mutating func next() async throws -> Data? {
            do {
                guard let chunk = try await base.next() else {
                    onEnd(received, nil)
                    return nil
                }
                received += chunk.count
                return chunk
            } catch {
                onEnd(received, error as? HFError ?? .network("\(error)"))
                throw error
            }
        }
    }
}
