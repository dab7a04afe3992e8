/// A response whose body arrives as it is received.
///
/// ```swift
/// let response = try await client.stream(client.makeRequest(.post, url: url, body: body, contentType: "application/json", accept: "text/event-stream"))
/// for try await chunk in response.body { print(String(decoding: chunk, as: UTF8.self)) }
/// ```
public struct HTTPStreamingResponse: Sendable {
    /// The status and headers, known before the body.
    public var head: HTTPResponseHead
    /// The body, read as it arrives.
    public var body: HTTPBodyStream

    /// Creates a streamed response, as a transport or a test double does.
    public init(head: HTTPResponseHead, body: HTTPBodyStream) {
        self.head = head
        self.body = body
    }

    /// The HTTP status.
    public var status: Int { head.status }
    /// The response headers.
    public var headers: HTTPHeaders { head.headers }
}
