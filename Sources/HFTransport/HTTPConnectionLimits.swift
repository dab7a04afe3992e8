/// How many connections a transport may hold open at once. Requests beyond a limit wait in a queue
/// for a connection to free up (their ``HTTPLimits/timeout`` keeps running while they wait), so a
/// burst of requests never opens more sockets than the process can afford. Over HTTP/2, which the
/// router speaks, one connection carries many requests at once.
///
/// ```swift
/// let transport = CurlTransport(connectionLimits: HTTPConnectionLimits(perHost: 8, total: 32))
/// ```
public struct HTTPConnectionLimits: Sendable, Hashable {
    /// The most connections to one host (scheme, name and port) at once. Default 64.
    public var perHost: Int
    /// The most connections to all hosts at once. Default 256. URLSession has no such setting, so
    /// only the libcurl transport enforces it.
    public var total: Int

    /// The defaults match `HFConfiguration`'s.
    public init(perHost: Int = 64, total: Int = 256) {
        self.perHost = perHost
        self.total = total
    }
}
