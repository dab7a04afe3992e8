/// How much a log event matters, from `trace` (every step) to `error`.
///
/// ```swift
/// configuration.logger = .standardError(minimumLevel: .warning)   // 4xx, 5xx and failures only
/// ```
public enum HFLogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Every step: the client logs each request it starts at this level.
    case trace
    /// Requests that succeeded, streams that ended, cancelled calls.
    case debug
    /// Events worth keeping in production; the default minimum level.
    case info
    /// Responses with a 4xx status, and warnings a server attached.
    case warning
    /// Responses with a 5xx status, and requests that failed without a response.
    case error

    public static func < (lhs: HFLogLevel, rhs: HFLogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String {
        switch self {
        case .trace: return "trace"
        case .debug: return "debug"
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }
}
