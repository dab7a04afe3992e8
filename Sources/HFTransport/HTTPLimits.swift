/// The deadlines and size cap a transport enforces for one request.
///
/// ```swift
/// let limits = HTTPLimits(timeout: .seconds(60), idleTimeout: .seconds(15), maximumResponseSize: 8 << 20)
/// ```
public struct HTTPLimits: Sendable, Hashable {
    /// For a whole response: the time allowed until its last byte. For a streamed response: the time
    /// allowed until its head (status and headers) arrives.
    public var timeout: Duration
    /// For a streamed response: the longest silence allowed between two body chunks.
    public var idleTimeout: Duration
    /// The largest body accepted, in bytes; more ends the transfer with
    /// ``HTTPTransportError/Code/responseTooLarge``.
    public var maximumResponseSize: Int

    /// The defaults match `HFConfiguration`'s.
    public init(timeout: Duration = .seconds(300), idleTimeout: Duration = .seconds(60), maximumResponseSize: Int = 64 << 20) {
        self.timeout = timeout
        self.idleTimeout = idleTimeout
        self.maximumResponseSize = maximumResponseSize
    }
}
