import Foundation

/// Where log events go. Logging is off unless a logger is set in ``HFConfiguration/logger``.
///
/// ```swift
/// var configuration = HFConfiguration()
/// configuration.logger = .standardError(minimumLevel: .debug)
/// // or to a sink of your own:
/// configuration.logger = HFLogger(minimumLevel: .info) { event in print(event) }
/// ```
///
/// For swift-log, the `HFLogging` bridge in the `Integrations/` package makes the sink:
/// `configuration.logger = .swiftLog(logger)`, each event a record with its fields as metadata.
public struct HFLogger: Sendable {
    /// Events below this level are dropped before they are built.
    public var minimumLevel: HFLogLevel
    private let sink: @Sendable (HFLogEvent) -> Void

    /// A logger that hands each event at `minimumLevel` or above to `sink`, on the thread that
    /// made it; `sink` must be cheap and must not block.
    public init(minimumLevel: HFLogLevel = .info, sink: @escaping @Sendable (HFLogEvent) -> Void) {
        self.minimumLevel = minimumLevel
        self.sink = sink
    }

    /// Writes one logfmt line per event to standard error.
    public static func standardError(minimumLevel: HFLogLevel = .info) -> HFLogger {
        HFLogger(minimumLevel: minimumLevel) { event in
            FileHandle.standardError.write(Data("hf \(event)\n".utf8))
        }
    }

    /// `true` when events at `level` would be delivered; check before building an expensive event.
    public func isEnabled(_ level: HFLogLevel) -> Bool {
        level >= minimumLevel
    }

    /// Delivers `event` if its level is enabled.
    public func log(_ event: HFLogEvent) {
        if isEnabled(event.level) { sink(event) }
    }
}
