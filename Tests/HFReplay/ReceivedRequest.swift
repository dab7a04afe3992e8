import Foundation

/// A request as the client under test sent it to the replay server.
public struct ReceivedRequest: Sendable {
    /// Position in ``ReplayServer/requests`` (arrival order).
    public let index: Int
    /// The connection it arrived on; equal ids mean the client reused a keep-alive connection.
    public let connectionID: Int
    /// HTTP method as sent, e.g. `POST`.
    public let method: String
    /// The request-target exactly as sent, e.g. `/router.huggingface.co/v1/chat/completions?x=1`.
    public let target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public let httpVersion: String
    /// Host decoded from the first path segment, lower-case, e.g. `router.huggingface.co`.
    public let host: String
    /// Percent-decoded path after the host segment, e.g. `/v1/chat/completions`.
    public let path: String
    /// Decoded query items in order (`+` decodes to a space).
    public let query: [URLQueryItem]
    /// Header fields in the order sent, names as sent.
    public let headerFields: [(name: String, value: String)]
    /// The body after removing chunked framing; empty when there was none.
    public let body: Data
    /// Whether the body arrived with `Transfer-Encoding: chunked`.
    public let bodyWasChunked: Bool
    /// The rule that answered, or `nil` when nothing matched (the client got a 599).
    public let ruleIndex: Int?
    /// When the complete request (head and body) had been read.
    public let receivedAt: ContinuousClock.Instant

    /// The value of a header, looked up case-insensitively; repeated fields are joined with `, `.
    public func header(_ name: String) -> String? {
        let values = headerFields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// Headers keyed by lower-case name; repeated fields are joined with `, `.
    public var headers: [String: String] {
        var result: [String: String] = [:]
        for field in headerFields {
            let name = field.name.lowercased()
            result[name] = result[name].map { $0 + ", " + field.value } ?? field.value
        }
        return result
    }

    /// The first value of a query parameter; `name[]` and `name` are treated alike.
    public func queryValue(_ name: String) -> String? {
        queryValues(name).first
    }

    /// Every value of a query parameter, in order; `name[]` and `name` are treated alike.
    public func queryValues(_ name: String) -> [String] {
        let bare = name.hasSuffix("[]") ? String(name.dropLast(2)) : name
        return query.filter { $0.name == bare || $0.name == bare + "[]" }.map { $0.value ?? "" }
    }

    /// Whether a rule answered this request.
    public var wasMatched: Bool { ruleIndex != nil }

    /// The body as UTF-8 text, or `nil` when it is not valid UTF-8.
    public var bodyText: String? {
        String(data: body, encoding: .utf8)
    }

    /// The body parsed as JSON (any top-level value). Decoded on demand so the request stays `Sendable`.
    public func json() throws -> Any {
        try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
    }

    /// The body parsed as a JSON object.
    /// - Throws: a `JSONSerialization` error, or ``ReplayError/notJSONObject(_:)``.
    public func jsonObject() throws -> [String: Any] {
        guard let object = try json() as? [String: Any] else {
            throw ReplayError.notJSONObject(bodyText ?? "<\(body.count) bytes>")
        }
        return object
    }

    /// The body decoded with `JSONDecoder`.
    public func decodeJSON<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(type, from: body)
    }
}

extension ReceivedRequest: CustomStringConvertible {
    public var description: String {
        "#\(index) conn \(connectionID): \(method) \(target) (\(body.count) body bytes)"
    }
}
