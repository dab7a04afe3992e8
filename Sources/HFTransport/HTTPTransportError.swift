/// Why a transport could not deliver a response, or the rest of a streamed body.
///
/// Transports throw it only when no HTTP response could be had (every status, error statuses
/// included, is returned as a response). ``HFClient`` turns it into an `HFError` of the matching
/// category and keeps it as the error's underlying error. The struct can grow new codes without
/// breaking code that switches over ``code`` with a `default:` case.
///
/// ```swift
/// do {
///     _ = try await client.inference.chat("Hi", model: .llama3_8BInstruct)
/// } catch let error as HFError {
///     if let cause = error.underlyingError as? HTTPTransportError, cause.code == .hostNotFound { print("check the base URL") }
/// }
/// ```
public struct HTTPTransportError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    ///
    /// ```swift
    /// if let cause = error.underlyingError as? HTTPTransportError, cause.code == .timedOut { print("slow server") }
    /// ```
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name: `"timedOut"`.
        public let name: String

        private init(_ name: String) {
            self.name = name
        }

        public var description: String { name }

        /// The caller cancelled: its task was cancelled, or it dropped the body stream.
        public static let cancelled = Code("cancelled")
        /// A deadline of ``HTTPLimits`` passed: no response (or head) in time, or a silent stream.
        public static let timedOut = Code("timedOut")
        /// The body passed ``HTTPLimits/maximumResponseSize``.
        public static let responseTooLarge = Code("responseTooLarge")
        /// The response head (status line and headers) passed ``HTTPLimits/maximumHeadSize``, or a
        /// header line passed libcurl's own limit of 100 KB.
        public static let headTooLarge = Code("headTooLarge")
        /// The host name could not be resolved.
        public static let hostNotFound = Code("hostNotFound")
        /// The connection could not be made.
        public static let connectionFailed = Code("connectionFailed")
        /// TLS failed: the handshake, or the certificate could not be verified.
        public static let tlsFailed = Code("tlsFailed")
        /// The request could not be sent as given (an option libcurl refused, a malformed URL).
        public static let invalidRequest = Code("invalidRequest")
        /// A body was iterated a second time, or by two iterators at once.
        public static let bodyAlreadyRead = Code("bodyAlreadyRead")
        /// Anything else: the connection broke, the response was malformed or cut short.
        public static let connectionLost = Code("connectionLost")
    }

    /// What kind of failure this is.
    public let code: Code
    /// What happened, naming the request's route (never its query, headers or body).
    public let message: String
    /// The lower layer's own words, such as libcurl's error text.
    public let detail: String?

    /// Creates an error, as a transport does.
    ///
    /// ```swift
    /// throw HTTPTransportError(.timedOut, "no response within 60 s")
    /// ```
    public init(_ code: Code, _ message: String, detail: String? = nil) {
        self.code = code
        self.message = message
        self.detail = detail
    }

    public var description: String {
        "\(code): \(message)" + (detail.map { " (\($0))" } ?? "")
    }

    package static func cancelled() -> HTTPTransportError {
        HTTPTransportError(.cancelled, "The request was cancelled.")
    }

    package static func responseTooLarge(limit: Int) -> HTTPTransportError {
        HTTPTransportError(.responseTooLarge, "The response was larger than the configured maximum of \(limit) bytes, so the transfer was stopped.")
    }

    package static func headTooLarge(_ request: HTTPRequest) -> HTTPTransportError {
        HTTPTransportError(.headTooLarge, "The response head of \(request.route) was larger than a client accepts (headers over \(request.limits.maximumHeadSize) bytes, or one header line over 100 KB), so the transfer was stopped.")
    }

    package static func headTimeout(_ request: HTTPRequest, whole: Bool) -> HTTPTransportError {
        HTTPTransportError(.timedOut, "No \(whole ? "whole response" : "response head") within \(request.limits.timeout.formattedSeconds) for \(request.route).")
    }

    package static func idleTimeout(_ request: HTTPRequest) -> HTTPTransportError {
        HTTPTransportError(.timedOut, "The stream sent nothing for \(request.limits.idleTimeout.formattedSeconds) (\(request.route)).")
    }
}
