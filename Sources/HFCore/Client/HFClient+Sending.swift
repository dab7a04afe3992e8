import Foundation

extension HFClient {
    // MARK: Raw requests

    /// Sends `request` through the middleware, the client's own steps (token, redirects, checks)
    /// and the transport, and reads the whole response. A non-2xx status becomes the matching
    /// ``HFError``; every failure is an ``HFError``.
    ///
    /// For endpoints no API group covers:
    ///
    /// ```swift
    /// let request = client.makeRequest(.get, url: URL(string: "https://huggingface.co/api/whoami-v2")!)
    /// let response = try await client.send(request, token: .required)
    /// ```
    public func send(_ request: HTTPRequest, token: TokenRequirement = .required) async throws(HFError) -> HTTPResponse {
        try await perform(context(.request, token: token)) { [self] context in
            try await exchange(request, context: context)
        }
    }

    /// Sends `request` and returns when the response head arrives; the body streams after. A
    /// non-2xx status becomes the matching ``HFError`` (its body, up to 1 MiB, read for the message).
    public func stream(_ request: HTTPRequest, token: TokenRequirement = .required) async throws(HFError) -> HTTPStreamingResponse {
        try await perform(context(.request, streaming: true, token: token)) { [self] context in
            try await openStream(request, context: context)
        }
    }

    /// A request with the client's defaults: user agent, extra headers and limits. The token and
    /// `X-HF-Bill-To` are added when it is sent, as its ``TokenRequirement`` says.
    public func makeRequest(_ method: HTTPMethod, url: URL, body: Data? = nil, contentType: String? = nil, accept: String? = nil) -> HTTPRequest {
        var headers = configuration.extraHeaders
        headers["Authorization"] = nil
        headers["User-Agent"] = configuration.userAgent
        if let contentType { headers["Content-Type"] = contentType }
        if let accept { headers["Accept"] = accept }
        return HTTPRequest(method: method, url: url, headers: headers, body: body, limits: configuration.limits)
    }

    // MARK: Exchanges within an operation

    /// Sends `request` for the call `context` describes and reads the whole response; a non-2xx
    /// status becomes the matching ``HFError``.
    package func exchange(_ request: HTTPRequest, context: HFRequestContext) async throws -> HTTPResponse {
        let response = try await sendThroughChain(request, context: context, from: 0)
        guard response.head.isSuccess else {
            throw finalize(HFError(response: response, url: request.url), context: context)
        }
        return response
    }

    /// Sends `request` for the call `context` describes and returns at the response head; a non-2xx
    /// status becomes the matching ``HFError``, its body (up to 1 MiB) read for the message.
    package func openStream(_ request: HTTPRequest, context: HFRequestContext) async throws -> HTTPStreamingResponse {
        let response = try await streamThroughChain(request, context: context, from: 0)
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
            throw finalize(HFError(response: HTTPResponse(head: response.head, body: body), url: request.url), context: context)
        }
        return response
    }

    private func sendThroughChain(_ request: HTTPRequest, context: HFRequestContext, from index: Int) async throws -> HTTPResponse {
        guard index < requestChain.count else {
            do {
                return try await transport.send(request)
            } catch {
                throw finalize(error, context: context)
            }
        }
        return try await requestChain[index].intercept(request, context: context) { [self] next, nextContext in
            try await sendThroughChain(next, context: nextContext, from: index + 1)
        }
    }

    private func streamThroughChain(_ request: HTTPRequest, context: HFRequestContext, from index: Int) async throws -> HTTPStreamingResponse {
        guard index < requestChain.count else {
            let response: HTTPStreamingResponse
            do {
                response = try await transport.stream(request)
            } catch {
                throw finalize(error, context: context)
            }
            // The body's failures reach its reader, and every observer, as HFErrors too.
            let body = response.body.mappingErrors { [self] error in finalize(error, context: context) }
            return HTTPStreamingResponse(head: response.head, body: body)
        }
        return try await requestChain[index].interceptStream(request, context: context) { [self] next, nextContext in
            try await streamThroughChain(next, context: nextContext, from: index + 1)
        }
    }
}

/// A stream opened within an operation, with the context its exchange ran in (the provider that
/// answered), for the errors its reader may meet later.
package struct OpenedStream: Sendable {
    package let response: HTTPStreamingResponse
    package let context: HFRequestContext

    package init(response: HTTPStreamingResponse, context: HFRequestContext) {
        self.response = response
        self.context = context
    }
}
