import Foundation

/// What a redirect means for the request that got it: the one policy the client applies whatever
/// the transport (transports return redirects as responses).
///
/// - 301, 302, 303, 307 and 308 with a `Location` are followed; 303, and 301/302 of a `POST`,
///   continue as a `GET` without the body (what browsers, curl and URLSession do); 307 and 308
///   keep the method and body.
/// - https never continues over plain http.
/// - The same origin (scheme, host and port) keeps every header and the credential. Another origin
///   gets no credential and only the headers that say what the client is and accepts
///   (`User-Agent`, `Accept`, `Accept-Encoding`, `Accept-Language`, and `Content-Type` when the
///   body goes along): never `X-HF-Bill-To` or a caller's extra headers.
package enum HTTPRedirect {
    /// Why a redirect was not followed.
    package struct Refusal: Error, Sendable, CustomStringConvertible {
        package let description: String
    }

    /// The headers that may go to another origin.
    static let portableHeaders: Set<String> = ["user-agent", "accept", "accept-encoding", "accept-language", "content-type"]

    /// The request to send after `head` answered `request`, or `nil` when `head` is not a redirect
    /// to follow (it is then the final response).
    package static func next(after head: HTTPResponseHead, of request: HTTPRequest) throws(Refusal) -> HTTPRequest? {
        guard [301, 302, 303, 307, 308].contains(head.status), let location = head.headers["Location"] else { return nil }
        guard let target = URL(string: location, relativeTo: request.url)?.absoluteURL,
              let scheme = target.scheme?.lowercased(), scheme == "https" || scheme == "http"
        else {
            throw Refusal(description: "\(request.route) redirected to a location that is not an http(s) URL")
        }
        if request.url.scheme?.lowercased() == "https", scheme == "http" {
            throw Refusal(description: "\(request.route) redirected from https to plain http, which would expose the request and its token")
        }
        var next = request
        next.url = target
        let keepsBody = head.status == 307 || head.status == 308 || (head.status != 303 && request.method != .post)
        if !keepsBody {
            next.method = request.method == .head ? .head : .get
            next.body = nil
            next.headers["Content-Type"] = nil
        }
        if !target.isSameOrigin(as: request.url) {
            next.authorization = nil
            next.headers = HTTPHeaders(next.headers.filter { portableHeaders.contains($0.name.lowercased()) }.map { ($0.name, $0.value) })
        }
        return next
    }
}
