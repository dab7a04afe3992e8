/// The client closed (or reset) the connection while a response was still being delivered.
public struct DisconnectEvent: Sendable, Equatable {
    /// Where delivery was when the server noticed.
    public enum Phase: Sendable, Equatable {
        /// During ``ResponsePlan/delayBeforeHead``.
        case beforeHead
        /// During ``ResponsePlan/delayBetweenChunks``.
        case betweenChunks
        /// A write failed (EPIPE / ECONNRESET).
        case writing
    }

    /// The connection (see ``ReceivedRequest/connectionID``).
    public let connectionID: Int
    /// Index into ``ReplayServer/requests`` of the request being answered.
    public let requestIndex: Int
    public let phase: Phase
    /// When the server noticed.
    public let at: ContinuousClock.Instant
}
