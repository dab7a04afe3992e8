/// The status line and headers of a response.
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
