import Foundation

/// How the server delivers a recorded response: faults and timing applied on top of the recording.
///
/// A plan never invents a body: it can replace the status, add or remove headers, drop the body,
/// and change how and when the recorded bytes go out (chunking, delays, resets, truncation).
///
/// ```swift
/// ResponsePlan(status: 429, extraHeaders: ["Retry-After": "7"])
/// ResponsePlan(chunking: .perSSEEvent, delayBetweenChunks: .milliseconds(200))
/// ResponsePlan(fault: .resetAfter(bytes: 100))
/// ResponsePlan(delayBeforeHead: .seconds(3))
/// ```
public struct ResponsePlan: Sendable, Equatable {
    /// Which body to send.
    public enum Body: Sendable, Equatable {
        /// The recorded body (with live-service URLs rewritten to the server, for text bodies).
        case recorded
        /// No body (`Content-Length: 0`), e.g. for a 503 that should carry nothing.
        case empty
    }

    /// How the body is cut into pieces. Each piece goes out in its own write (and, with chunked
    /// framing, as its own HTTP chunk); set ``delayBetweenChunks`` to guarantee the client reads
    /// them separately.
    public enum Chunking: Sendable, Equatable {
        /// One piece.
        case whole
        /// One piece per server-sent event: each piece ends after a blank line (`\n\n` or `\r\n\r\n`).
        case perSSEEvent
        /// Pieces of `bytes` bytes (the last may be shorter).
        case fixed(bytes: Int)
        /// Pieces split at these byte offsets into the body; offsets outside `1..<count` are ignored.
        case splitAt([Int])
    }

    /// How the end of the body is signalled.
    public enum Framing: Sendable, Equatable {
        /// `Transfer-Encoding: chunked` for `text/event-stream` bodies and whenever ``chunking`` is not
        /// `.whole` or ``delayBetweenChunks`` is non-zero; `Content-Length` otherwise.
        case automatic
        /// Always `Content-Length`, even when pieces are delayed.
        case contentLength
        /// Always `Transfer-Encoding: chunked`.
        case chunked
        /// Neither header: the body ends when the server closes the connection (HTTP/1.0 style).
        case untilClose
    }

    /// A broken delivery.
    public enum Fault: Sendable, Equatable {
        /// After `bytes` body bytes, abort the connection with a TCP RST (`SO_LINGER {1,0}` then close).
        case resetAfter(bytes: Int)
        /// After `bytes` body bytes, close cleanly (FIN) before the body is complete: before
        /// `Content-Length` is reached, or without the terminating chunk. A cut inside a chunk leaves
        /// that chunk incomplete; a cut on a piece boundary sends whole chunks only.
        case truncateAfter(bytes: Int)
        /// Close cleanly without sending anything (the request was read).
        case closeBeforeHead
        /// Reset the connection without sending anything (the request was read).
        case resetBeforeHead
    }

    /// Replaces the recorded status code.
    public var status: Int?
    /// Added to (or replacing, case-insensitively) the recorded headers. An empty value removes the
    /// header, e.g. `["content-type": ""]`; `["connection": ""]` makes a closing response not announce
    /// `Connection: close`. Absolute live-service URLs in values are rewritten like bodies.
    public var extraHeaders: [String: String]
    /// Which body to send.
    public var body: Body
    /// Wait after reading the request before sending the status line. The wait sleeps in `poll`
    /// (no CPU) and ends early, recording a disconnect, if the client closes the connection.
    public var delayBeforeHead: Duration
    /// How the body is cut into pieces.
    public var chunking: Chunking
    /// Wait between pieces (disconnect-aware, like ``delayBeforeHead``).
    public var delayBetweenChunks: Duration
    /// How the end of the body is signalled.
    public var framing: Framing
    /// A broken delivery, or `nil` for a normal one.
    public var fault: Fault?
    /// Close the connection after this response (sends `Connection: close` unless removed).
    public var closeConnectionAfterResponse: Bool

    public init(
        status: Int? = nil,
        extraHeaders: [String: String] = [:],
        body: Body = .recorded,
        delayBeforeHead: Duration = .zero,
        chunking: Chunking = .whole,
        delayBetweenChunks: Duration = .zero,
        framing: Framing = .automatic,
        fault: Fault? = nil,
        closeConnectionAfterResponse: Bool = false
    ) {
        self.status = status
        self.extraHeaders = extraHeaders
        self.body = body
        self.delayBeforeHead = delayBeforeHead
        self.chunking = chunking
        self.delayBetweenChunks = delayBetweenChunks
        self.framing = framing
        self.fault = fault
        self.closeConnectionAfterResponse = closeConnectionAfterResponse
    }

    // MARK: Shorthands

    /// The recorded response with another status (and extra headers), e.g.
    /// `.status(429, headers: ["Retry-After": "7"])` or `.status(503, body: .empty)`.
    public static func status(_ code: Int, headers: [String: String] = [:], body: Body = .recorded) -> ResponsePlan {
        ResponsePlan(status: code, extraHeaders: headers, body: body)
    }

    /// Abort with a TCP RST after `bytes` body bytes.
    public static func resetAfter(bytes: Int) -> ResponsePlan {
        ResponsePlan(fault: .resetAfter(bytes: bytes))
    }

    /// Close cleanly after `bytes` body bytes, before the body is complete.
    public static func truncateAfter(bytes: Int) -> ResponsePlan {
        ResponsePlan(fault: .truncateAfter(bytes: bytes))
    }

    /// One chunk per server-sent event, `delay` apart.
    public static func eventStream(delayBetweenEvents delay: Duration) -> ResponsePlan {
        ResponsePlan(chunking: .perSSEEvent, delayBetweenChunks: delay)
    }
}
