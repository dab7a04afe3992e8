import Foundation

/// What the benchmark server does for a request, named by the first segment of its path, so any
/// client (ours, URLSession, Python, curl) reaches a scenario through its base URL alone:
/// `http://127.0.0.1:PORT/delay-50/v1/chat/completions`.
enum Scenario: Equatable {
    /// The recorded chat completion at once.
    case chat
    /// The recorded chat completion after `milliseconds`.
    case delayed(milliseconds: Int)
    /// The recorded chat stream, one chunk per event, the events spread over `milliseconds`.
    case stream(milliseconds: Int)
    /// The recorded chat stream: the head, then after ``firstEventPause`` its first event (the
    /// server notes the instant it writes it, see ``ServerStats/firstEventNanos``), then the rest.
    case timedFirstEvent
    /// The server's counters as JSON (``ServerStats``).
    case stats

    /// How long ``timedFirstEvent`` leaves the client waiting for the body after the head.
    static let firstEventPause: Duration = .milliseconds(20)

    init?(path: Substring) {
        let name = path.split(separator: "/", maxSplits: 1).first ?? ""
        if name == "chat" {
            self = .chat
        } else if name == "sse-first" {
            self = .timedFirstEvent
        } else if name == "stats" {
            self = .stats
        } else if name.hasPrefix("delay-"), let milliseconds = Int(name.dropFirst(6)) {
            self = .delayed(milliseconds: milliseconds)
        } else if name.hasPrefix("sse-"), let milliseconds = Int(name.dropFirst(4)) {
            self = .stream(milliseconds: milliseconds)
        } else {
            return nil
        }
    }
}

/// The server's counters, served at `/stats`.
struct ServerStats: Codable, Sendable {
    /// Connections accepted so far.
    var accepted = 0
    /// Requests answered so far.
    var requests = 0
    /// The server process's CPU time so far.
    var cpuSeconds = 0.0
    /// `CLOCK_MONOTONIC` when the last ``Scenario/timedFirstEvent`` response's first event was written.
    var firstEventNanos: UInt64 = 0
}
