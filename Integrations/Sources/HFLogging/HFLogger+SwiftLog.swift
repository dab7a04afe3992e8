import HFCore
import Logging

extension HFLogger {
    /// A logger that forwards the client's events to a swift-log `Logger`: each event becomes one
    /// record at the matching level, its message the event's kind (`request.finished`) and its
    /// fields metadata under `hf.` keys (see ``HFCore/HFLogEvent/swiftLogMetadata``). Events carry
    /// no token, bodies or query strings, so neither do the records.
    ///
    /// ```swift
    /// import HFLogging
    /// import Logging
    ///
    /// var configuration = HFConfiguration()
    /// configuration.logger = .swiftLog(Logger(label: "hf"))
    /// let client = HFClient(configuration: configuration)
    /// ```
    ///
    /// - Parameters:
    ///   - logger: where records go; its metadata is kept and the event's added.
    ///   - minimumLevel: events below it are never built; by default the logger's `logLevel` at
    ///     this call (`notice` counts as `info`, `critical` as `error`).
    public static func swiftLog(_ logger: Logger, minimumLevel: HFLogLevel? = nil) -> HFLogger {
        HFLogger(minimumLevel: minimumLevel ?? HFLogLevel(logger.logLevel)) { event in
            logger.log(level: event.level.swiftLogLevel, "\(event.kind.rawValue)", metadata: event.swiftLogMetadata)
        }
    }
}
