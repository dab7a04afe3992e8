import Foundation

/// A structured record of something the client did. It never carries the token, request or
/// response bodies, or query strings: only what is needed to trace traffic.
///
/// ```swift
/// configuration.logger = HFLogger(minimumLevel: .debug) { event in
///     print(event.kind, event.route, event.status ?? 0, event.requestID ?? "")
/// }
/// ```
public struct HFLogEvent: Sendable, CustomStringConvertible {
    /// What happened. An open set.
    ///
    /// ```swift
    /// configuration.logger = HFLogger(minimumLevel: .trace) { event in
    ///     if event.kind == .serverWarning { print(event.message ?? "") }
    /// }
    /// ```
    public struct Kind: OpenStringValue {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A request is about to be handed to the transport.
        public static let requestStarted = Kind(rawValue: "request.started")
        /// A whole response, or a streamed response's head, arrived.
        public static let requestFinished = Kind(rawValue: "request.finished")
        /// The transport failed: network, timeout, cancellation, size cap.
        public static let requestFailed = Kind(rawValue: "request.failed")
        /// A streamed body ended, normally or not.
        public static let streamFinished = Kind(rawValue: "stream.finished")
        /// The server attached a warning (`X-HF-Warning`).
        public static let serverWarning = Kind(rawValue: "server.warning")
    }

    /// How much the event matters; a logger drops events below its minimum level.
    public var level: HFLogLevel
    /// What happened, such as ``Kind/requestFinished``.
    public var kind: Kind
    /// The call the request belongs to, such as `chat`.
    public var operation: HFOperation?
    /// 1 for a first attempt; higher when a middleware sent the request again.
    public var attempt: Int?
    /// The HTTP method: `"POST"`.
    public var method: String
    /// Scheme, host and path, without the query.
    public var route: String
    /// The response's HTTP status, once a response (or a stream's head) arrived.
    public var status: Int?
    /// How long the request took, from handing it to the transport to its end.
    public var duration: Duration?
    /// The server's request id; quote it when reporting a problem.
    public var requestID: String?
    /// The provider the request went to, when known.
    public var provider: Provider?
    /// Bytes of request body sent.
    public var bytesSent: Int?
    /// Bytes of response body received.
    public var bytesReceived: Int?
    /// Extra words: an error's category and message, a server warning.
    public var message: String?

    /// Creates an event; the client makes its own, a custom ``HFLogger`` receives them.
    ///
    /// ```swift
    /// let event = HFLogEvent(level: .info, kind: .requestFinished, method: "POST", route: "https://router.huggingface.co/v1/chat/completions", status: 200)
    /// print(event)   // level=info event=request.finished method=POST route=… status=200
    /// ```
    public init(
        level: HFLogLevel, kind: Kind, operation: HFOperation? = nil, attempt: Int? = nil, method: String, route: String,
        status: Int? = nil, duration: Duration? = nil, requestID: String? = nil, provider: Provider? = nil,
        bytesSent: Int? = nil, bytesReceived: Int? = nil, message: String? = nil
    ) {
        self.level = level
        self.kind = kind
        self.operation = operation
        self.attempt = attempt
        self.method = method
        self.route = route
        self.status = status
        self.duration = duration
        self.requestID = requestID
        self.provider = provider
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        self.message = message
    }

    /// One `key=value` line, logfmt style.
    public var description: String {
        var parts = ["level=\(level)", "event=\(kind)"]
        if let operation { parts.append("operation=\(operation)") }
        if let attempt { parts.append("attempt=\(attempt)") }
        parts += ["method=\(method)", "route=\(route)"]
        if let status { parts.append("status=\(status)") }
        if let duration { parts.append(String(format: "duration_ms=%.1f", Double(duration.nanoseconds) / 1e6)) }
        if let provider { parts.append("provider=\(provider)") }
        if let requestID { parts.append("request_id=\(requestID)") }
        if let bytesSent { parts.append("bytes_sent=\(bytesSent)") }
        if let bytesReceived { parts.append("bytes_received=\(bytesReceived)") }
        if let message { parts.append("message=\"\(message.replacingOccurrences(of: "\"", with: "'"))\"") }
        return parts.joined(separator: " ")
    }
}
