import Foundation

extension HFClient {
    /// Where a download's URL came from, which decides what it may point at.
    package enum DownloadSource: Sendable {
        /// The caller gave it (`MediaInput.url`): the client's usual rules apply (https, or plain
        /// http to loopback unless ``HFConfiguration/allowsInsecureHTTP``).
        case caller
        /// A provider's reply to the call to `origin` named it. It must be https and must not
        /// point into a private network, so a reply cannot make the client fetch the caller's
        /// internal services; a call that itself went to loopback or a private network (a local
        /// server, a test harness) may be answered with URLs there.
        case reply(origin: URL)
    }

    /// `GET url` for a file: no token, no `X-HF-Bill-To`, none of the configured extra headers
    /// (the host is usually a third party's), at most `maximumSize` bytes. A non-2xx answer fails
    /// as an ``HFError/Category/api`` error naming the host and status, never quoting the body or
    /// advising about the token, which was not sent.
    package func download(_ url: URL, from source: DownloadSource, maximumSize: Int, context: HFRequestContext) async throws -> HTTPResponse {
        // What is not http(s) with a host the preflight step refuses, for every request.
        let scheme = url.scheme?.lowercased() ?? ""
        if case .reply(let origin) = source, !origin.isPrivateNetwork {
            guard scheme == "https", !url.isPrivateNetwork else {
                var refused = HFError(
                    category: .api,
                    message: "The provider's result URL (\(url.host ?? "?")) is \(scheme == "https" ? "in a private network" : "plain http"); it was not fetched.",
                    recoverySuggestion: "Report the reply to the provider, quoting the request id."
                )
                refused.provider = context.provider
                throw refused
            }
        }
        var request = HTTPRequest(
            method: .get, url: url, headers: ["User-Agent": configuration.userAgent, "Accept": "*/*"], limits: configuration.limits
        )
        request.limits.maximumResponseSize = maximumSize
        var download = context
        download.token = .never
        do {
            return try await exchange(request, context: download)
        } catch let error as HFError where error.status != nil {
            var failure = HFError(
                category: .api,
                message: "GET \(url.host ?? "?")\(url.path.prefix(120)) answered status \(error.status ?? 0).",
                recoverySuggestion: "The file may have expired or moved; make the call again for a fresh URL, or check the address."
            )
            failure.status = error.status
            failure.requestID = error.requestID
            failure.provider = context.provider
            throw failure
        }
    }
}
