import Foundation

/// One Server-Sent Event: its type (`event:`), data (the `data:` lines joined with newlines) and
/// the last event id seen (`id:`).
///
/// ```swift
/// var parser = ServerSentEventParser()
/// for event in parser.events(from: Data("event: ping\ndata: {}\n\n".utf8)) { print(event.type, event.data) }   // ping {}
/// ```
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field; `"message"` when the event had none.
    public var type: String
    /// The event's data lines, joined with newlines.
    public var data: String
    /// The event's `id:` field, if any.
    public var id: String?

    /// Creates an event.
    public init(type: String = "message", data: String, id: String? = nil) {
        self.type = type
        self.data = data
        self.id = id
    }

    /// `true` for the `[DONE]` sentinel that ends chat and text-generation streams.
    public var isDone: Bool {
        data.trimmingCharacters(in: .whitespacesAndNewlines) == "[DONE]"
    }
}
