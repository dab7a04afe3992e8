import Foundation

/// What a rule answers: method, host and path, and optionally an exact query.
///
/// Paths compare after percent-decoding. Queries compare as multisets of name/value pairs after
/// normalising `name[]` to `name` (the Hub accepts both `expand=x` and `expand[]=x`).
public struct Route: Sendable, Hashable, CustomStringConvertible {
    /// Upper-case HTTP method, e.g. `GET`.
    public var method: String
    /// Lower-case host the request is addressed to, e.g. `router.huggingface.co`.
    public var host: String
    /// Percent-decoded path starting with `/`, e.g. `/v1/chat/completions`.
    public var path: String
    /// The query a request must carry (in any order), or `nil` to accept any query.
    /// Use `[]` to require that there is no query. When several rules match a request,
    /// rules with a matching exact query win over `nil`-query rules.
    public var query: [URLQueryItem]?

    public init(method: String, host: String, path: String, query: [URLQueryItem]? = nil) {
        self.method = method.uppercased()
        self.host = host.lowercased()
        self.path = path.isEmpty ? "/" : path
        self.query = query
    }

    /// A route for `method` on an absolute live-service URL, e.g.
    /// `Route("POST", URL(string: "https://router.huggingface.co/v1/chat/completions")!)`.
    /// The query becomes an exact-query requirement if the URL has one, otherwise any query matches.
    public init(_ method: String, _ url: URL) {
        let query = RequestTarget.query(of: url)
        self.init(
            method: method,
            host: url.host ?? "",
            path: RequestTarget.path(of: url),
            query: query.isEmpty ? nil : query
        )
    }

    /// A route for `method` on an absolute live-service URL given as text, e.g.
    /// `Route("GET", "https://huggingface.co/api/models/x?expand=inferenceProviderMapping")`.
    public init(_ method: String, _ url: String) {
        guard let parsed = URL(string: url) else { preconditionFailure("HFReplay: not a URL: \(url)") }
        self.init(method, parsed)
    }

    /// The recorded request's own method, host, path and query (the default route of a rule).
    public init(recorded request: RecordedRequest) {
        self.init(request.method, request.url)
    }

    /// Whether method, host and path match (the query is checked separately).
    func matchesIgnoringQuery(method: String, host: String, path: String) -> Bool {
        self.method == method && self.host == host && self.path == path
    }

    /// Whether `items` equal this route's query as a multiset; `false` when the route accepts any query.
    func hasExactQuery(_ items: [URLQueryItem]) -> Bool {
        guard let query else { return false }
        return Self.normalized(query) == Self.normalized(items)
    }

    static func normalized(_ items: [URLQueryItem]) -> [String] {
        items.map { item in
            let name = item.name.hasSuffix("[]") ? String(item.name.dropLast(2)) : item.name
            return name + "\u{0}" + (item.value ?? "")
        }.sorted()
    }

    public var description: String {
        var text = "\(method) \(host)\(path)"
        if let query {
            let pairs = query.map { item in item.value.map { "\(item.name)=\($0)" } ?? item.name }
            text += query.isEmpty ? " (no query)" : "?" + pairs.joined(separator: "&")
        }
        return text
    }
}
