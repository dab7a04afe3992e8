/// What the server did with one request: appended when delivery starts, updated when it ends.
public struct ServedResponse: Sendable {
    /// How delivery ended.
    public enum Outcome: Sendable, Equatable {
        /// Still being delivered.
        case inProgress
        /// Every byte was written.
        case completed
        /// The client went away first (see ``ReplayServer/disconnectEvents``).
        case clientDisconnected
        /// The plan's fault reset the connection.
        case reset
        /// The plan's fault closed the connection early.
        case truncated
        /// The server shut down mid-delivery.
        case serverStopped
    }

    /// Index into ``ReplayServer/requests``.
    public let requestIndex: Int
    public let connectionID: Int
    /// The rule that answered, or `nil` for the unmatched (599) answer.
    public let ruleIndex: Int?
    /// Status code sent.
    public let status: Int
    /// Body length in bytes (after rewriting; 0 for `HEAD` or ``ResponsePlan/Body/empty``).
    public let bodyLength: Int
    /// Whether the body was sent with `Transfer-Encoding: chunked`.
    public let chunked: Bool
    /// Body bytes written before delivery ended.
    public internal(set) var bodyBytesSent: Int = 0
    /// When the status line and headers were written.
    public internal(set) var headSentAt: ContinuousClock.Instant?
    /// When the write containing the first body byte returned.
    public internal(set) var firstBodyByteAt: ContinuousClock.Instant?
    /// When the write containing the last body byte sent so far returned.
    public internal(set) var lastBodyByteAt: ContinuousClock.Instant?
    public internal(set) var outcome: Outcome = .inProgress
}
