/// A response whose body arrives as it is received.
public struct HTTPStreamingResponse: Sendable {
    public var head: HTTPResponseHead
    public var body: HTTPBodyStream

    public init(head: HTTPResponseHead, body: HTTPBodyStream) {
        self.head = head
        self.body = body
    }

    public var status: Int { head.status }
    public var headers: HTTPHeaders { head.headers }
}
