import Foundation

/// A response whose body has been read in full.
///
/// ```swift
/// let response = try await client.send(client.makeRequest(.get, url: url))
/// print(response.status, response.headers["Content-Type"] ?? "", response.body.count)
/// ```
public struct HTTPResponse: Sendable {
    /// The status and headers.
    public var head: HTTPResponseHead
    /// The whole body.
    public var body: Data

    /// Creates a response, as a transport or a test double does.
    public init(head: HTTPResponseHead, body: Data) {
        self.head = head
        self.body = body
    }

    /// The HTTP status.
    public var status: Int { head.status }
    /// The response headers.
    public var headers: HTTPHeaders { head.headers }
}
