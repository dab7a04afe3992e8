import Foundation

/// The parts of an HTTP request-target under the replay server's host-prefix scheme:
/// `/{host}/{path}?{query}`.
struct RequestTarget: Equatable {
    /// Lower-case host taken from the first path segment; empty when the target had none.
    var host: String
    /// Percent-decoded path after the host segment; always starts with `/`.
    var path: String
    /// Decoded query items in order (`+` decodes to a space, as in form encoding).
    var query: [URLQueryItem]
    /// The raw query string without `?`, or `nil` when absent.
    var rawQuery: String?

    /// Parses an origin-form (`/host/path?q`) or absolute-form (`http://127.0.0.1:1234/host/path`) target.
    init(parsing target: String) {
        var rest = Substring(target)
        if let schemeEnd = rest.range(of: "://"), rest.hasPrefix("http") {
            rest = rest[schemeEnd.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let fragment = rest.firstIndex(of: "#") {
            rest = rest[..<fragment]
        }
        var rawPath = rest
        if let questionMark = rest.firstIndex(of: "?") {
            rawPath = rest[..<questionMark]
            rawQuery = String(rest[rest.index(after: questionMark)...])
        } else {
            rawQuery = nil
        }
        while rawPath.hasPrefix("/") { rawPath = rawPath.dropFirst() }
        let hostSegment: Substring
        let remainder: Substring
        if let slash = rawPath.firstIndex(of: "/") {
            hostSegment = rawPath[..<slash]
            remainder = rawPath[slash...]
        } else {
            hostSegment = rawPath
            remainder = "/"
        }
        host = Self.percentDecoded(hostSegment).lowercased()
        path = Self.percentDecoded(remainder)
        query = Self.parseQuery(rawQuery)
    }

    /// Splits `a=1&b=2` into items, decoding `+` and percent escapes.
    static func parseQuery(_ raw: String?) -> [URLQueryItem] {
        guard let raw, !raw.isEmpty else { return [] }
        return raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return URLQueryItem(
                    name: formDecoded(pair[..<equals]),
                    value: formDecoded(pair[pair.index(after: equals)...])
                )
            }
            return URLQueryItem(name: formDecoded(pair), value: nil)
        }
    }

    /// Decoded path of a recorded URL, `/` when empty, using the same decoding as incoming targets.
    static func path(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let raw = components?.percentEncodedPath ?? url.path
        return raw.isEmpty ? "/" : percentDecoded(Substring(raw))
    }

    /// Query items of a recorded URL, decoded like incoming targets.
    static func query(of url: URL) -> [URLQueryItem] {
        parseQuery(URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery)
    }

    static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        return String(text).removingPercentEncoding ?? String(text)
    }

    private static func formDecoded(_ text: Substring) -> String {
        percentDecoded(Substring(text.replacingOccurrences(of: "+", with: " ")))
    }
}
