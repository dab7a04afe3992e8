import Foundation

/// A request as the official client sent it to the live service.
public struct RecordedRequest: Sendable, Equatable {
    /// Upper-case HTTP method, e.g. `POST`.
    public var method: String
    /// The absolute URL on the live service, e.g. `https://router.huggingface.co/v1/chat/completions`.
    public var url: URL
    /// Header fields; names are lower-case. Authentication headers were stripped at recording time.
    public var headers: [String: String]
    /// The body bytes, or `nil` when the request had none.
    public var body: Data?
    /// Whether the body was recorded as bytes (`body_base64`) rather than UTF-8 text.
    public var isBinary: Bool

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, isBinary: Bool = false) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.isBinary = isBinary
    }

    /// The body as UTF-8 text, or `nil` when there is no body or it is not valid UTF-8.
    public var bodyText: String? {
        body.flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The recorded host, lower-case (e.g. `router.huggingface.co`).
    public var host: String {
        (url.host ?? "").lowercased()
    }
}
