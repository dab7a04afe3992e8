import Foundation

/// Base URLs and the URL rules the adapters share. Paths are appended verbatim: model ids keep
/// their `/`, which the router and the Hub expect unencoded.
extension HFConfiguration {
    /// Where `provider`'s routes start: its override in ``providerBaseURLs``, else `{router}/{provider}`.
    package func baseURL(for provider: Provider) -> URL {
        providerBaseURLs[provider] ?? Self.join(routerBaseURL, "/" + provider.rawValue)
    }

    /// `{hub}{path}?{query}`; the query is percent-encoded, the path appended as is.
    package func hubURL(path: String, query: [(String, String)] = []) -> URL {
        let url = Self.join(hubBaseURL, path)
        guard !query.isEmpty, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        components.percentEncodedQueryItems = query.map {
            URLQueryItem(name: Self.encodeQueryComponent($0.0), value: Self.encodeQueryComponent($0.1))
        }
        return components.url ?? url
    }

    /// The URL of an OpenAI-style `route` (`/chat/completions`, `/embeddings`) on a server of the
    /// caller's, by the official clients' rule: a path that already ends in `route` is kept, one
    /// ending in `/v1` gets `route`, anything else gets `/v1` and `route`. Trailing slashes are
    /// dropped; the query string and fragment are kept.
    package static func openAIURL(forEndpoint endpoint: URL, route: String) -> URL {
        // Worked out on the URL's text, which is cheaper than URLComponents on this per-request
        // path and keeps the path's percent-escapes as written: the path runs from the first "/"
        // after the authority to the query or fragment.
        let text = endpoint.absoluteString
        let tail = text.firstIndex { $0 == "?" || $0 == "#" } ?? text.endIndex
        let authority = text.firstRange(of: "://")?.upperBound ?? text.startIndex
        let pathStart = text[authority..<tail].firstIndex(of: "/") ?? tail
        let path = String(text[pathStart..<tail]).trimmingTrailingSlashes()
        let suffix = path.hasSuffix(route) ? "" : path.hasSuffix("/v1") ? route : "/v1" + route
        return URL(string: text[..<pathStart] + path + suffix + text[tail...]) ?? endpoint
    }

    /// `{base}{path}`, `path` appended verbatim (model ids keep their `/`).
    package static func join(_ base: URL, _ path: String) -> URL {
        let left = base.absoluteString.trimmingTrailingSlashes()
        let right = path.hasPrefix("/") ? path : "/" + path
        return URL(string: left + right) ?? base.appendingPathComponent(path)
    }

    private static let queryAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+?#")
        return set
    }()

    private static func encodeQueryComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? text
    }
}
