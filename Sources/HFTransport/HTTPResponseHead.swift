/// The status line and headers of a response.
///
/// ```swift
/// let response = try await client.stream(client.makeRequest(.get, url: url))
/// if response.head.isSuccess { print(response.head.headers["Content-Type"] ?? "") }
/// ```
public struct HTTPResponseHead: Sendable {
    /// The HTTP status.
    public var status: Int
    /// The response headers.
    public var headers: HTTPHeaders

    /// Creates a head.
    public init(status: Int, headers: HTTPHeaders) {
        self.status = status
        self.headers = headers
    }

    /// `true` for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
