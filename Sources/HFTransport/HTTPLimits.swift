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
    /// ``HTTPTransportError/Code/responseTooLarge``. The client lifts it for a streamed answer,
    /// whose reader caps each event instead.
    public var maximumResponseSize: Int
    /// The largest response head (status line and header lines) accepted, in bytes; more ends the
    /// transfer with ``HTTPTransportError/Code/headTooLarge``. Default 256 KiB: real heads are a
    /// few KiB, and libcurl refuses a single header line over 100 KB anyway.
    public var maximumHeadSize: Int

    /// The defaults match `HFConfiguration`'s.
    public init(timeout: Duration = .seconds(300), idleTimeout: Duration = .seconds(60), maximumResponseSize: Int = 64 << 20, maximumHeadSize: Int = 256 << 10) {
        self.timeout = timeout
        self.idleTimeout = idleTimeout
        self.maximumResponseSize = maximumResponseSize
        self.maximumHeadSize = maximumHeadSize
    }
}
