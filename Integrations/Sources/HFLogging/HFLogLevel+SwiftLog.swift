import HFCore
import Logging

extension HFLogLevel {
    /// The client's level nearest to a swift-log level: `notice` is `info`, `critical` is `error`.
    ///
    /// ```swift
    /// HFLogLevel(Logger.Level.notice)   // .info
    /// ```
    public init(_ level: Logger.Level) {
        switch level {
        case .trace: self = .trace
        case .debug: self = .debug
        case .info, .notice: self = .info
        case .warning: self = .warning
        case .error, .critical: self = .error
        }
    }

    /// The same level in swift-log.
    ///
    /// ```swift
    /// HFLogLevel.warning.swiftLogLevel   // Logger.Level.warning
    /// ```
    public var swiftLogLevel: Logger.Level {
        switch self {
        case .trace: return .trace
        case .debug: return .debug
        case .info: return .info
        case .warning: return .warning
        case .error: return .error
        }
    }
}
