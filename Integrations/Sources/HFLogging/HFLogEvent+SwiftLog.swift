import HFCore
import Logging

extension HFLogEvent {
    /// The event's fields as swift-log metadata, under the keys of its logfmt line prefixed `hf.`:
    /// `hf.operation`, `hf.attempt`, `hf.method`, `hf.route`, `hf.status`, `hf.duration_ms`,
    /// `hf.provider`, `hf.request_id`, `hf.bytes_sent`, `hf.bytes_received` and `hf.message`; a field
    /// the event lacks is left out.
    ///
    /// ```swift
    /// let logger = HFLogger(minimumLevel: .debug) { event in
    ///     swiftLogger.debug("\(event.kind.rawValue)", metadata: event.swiftLogMetadata)
    /// }
    /// ```
    public var swiftLogMetadata: Logger.Metadata {
        var metadata: Logger.Metadata = [
            "hf.method": .string(method),
            "hf.route": .string(route),
        ]
        if let operation { metadata["hf.operation"] = .string(operation.rawValue) }
        if let attempt { metadata["hf.attempt"] = .stringConvertible(attempt) }
        if let status { metadata["hf.status"] = .stringConvertible(status) }
        if let duration { metadata["hf.duration_ms"] = .stringConvertible(duration / .milliseconds(1)) }
        if let provider { metadata["hf.provider"] = .string(provider.rawValue) }
        if let requestID { metadata["hf.request_id"] = .string(requestID) }
        if let bytesSent { metadata["hf.bytes_sent"] = .stringConvertible(bytesSent) }
        if let bytesReceived { metadata["hf.bytes_received"] = .stringConvertible(bytesReceived) }
        if let message { metadata["hf.message"] = .string(message) }
        return metadata
    }
}
