/// Every credential a client has used, and the one function that removes them from text.
///
/// Servers sometimes echo request headers in error bodies, and a custom transport or middleware may
/// put anything in an error's description. Every error leaves the client through
/// `HFClient.finalize`, which passes each of its texts through ``scrub(_:)``; log events about
/// server text do too. A refreshing token provider's tokens, and credentials a middleware sets, are
/// remembered as they are sent (the most recent 256), so a rotated token is scrubbed as well as the
/// current one.
///
/// Texts cut from server bytes (a body's first 300 characters, the text around a JSON syntax error)
/// may hold part of a token, so besides every whole occurrence, any run of 8 or more consecutive
/// characters of a remembered credential is replaced by `***`. Credentials are ASCII (the preflight
/// step refuses others), so the runs are found byte by byte, through a table of every credential's
/// 8-byte windows: one pass over the text whatever the number of credentials.
package final class Redactor: Sendable {
    private static let capacity = 256
    private static let window = 8

    private struct State {
        /// Most recent first.
        var secrets: [Secret] = []
        /// Every 8-byte window of every remembered credential, with how many credentials have it.
        var windows: [UInt64: Int] = [:]
    }

    private let state = LockedState(State())

    package init(_ initial: Secret?) {
        if let initial { remember(initial) }
    }

    /// Adds `secret` to what is scrubbed.
    package func remember(_ secret: Secret) {
        state.withLock { state in
            if let index = state.secrets.firstIndex(of: secret) {
                // Already known; most recent first, so a token in use is never the one evicted.
                if index > 0 { state.secrets.insert(state.secrets.remove(at: index), at: 0) }
                return
            }
            state.secrets.insert(secret, at: 0)
            for window in Self.windows(of: secret) { state.windows[window, default: 0] += 1 }
            guard state.secrets.count > Self.capacity else { return }
            for window in Self.windows(of: state.secrets.removeLast()) {
                state.windows[window, default: 1] -= 1
                if state.windows[window] == 0 { state.windows[window] = nil }
            }
        }
    }

    /// `text` with every remembered credential replaced by its redacted form, and every run of 8
    /// or more of a credential's characters by `***`.
    package func scrub(_ text: String) -> String {
        let (secrets, windows) = state.withLock { ($0.secrets, $0.windows) }
        guard !secrets.isEmpty else { return text }
        let whole = secrets.reduce(text) { $1.scrub($0) }
        return Self.removingRuns(of: windows, from: whole)
    }

    /// The 8-byte windows of a credential, as integers.
    private static func windows(of secret: Secret) -> [UInt64] {
        secret.withExposedValue { value in
            let bytes = Array(value.utf8)
            guard bytes.count >= window else { return [] }
            return (0...(bytes.count - window)).map { key(bytes, at: $0) }
        }
    }

    private static func key(_ bytes: [UInt8], at start: Int) -> UInt64 {
        var key: UInt64 = 0
        for offset in 0..<window { key = key << 8 | UInt64(bytes[start + offset]) }
        return key
    }

    /// `text` with each stretch covered by windows in `windows` replaced by `***`.
    private static func removingRuns(of windows: [UInt64: Int], from text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= window, !windows.isEmpty else { return text }
        var covered = [Bool](repeating: false, count: bytes.count)
        var found = false
        for start in 0...(bytes.count - window) where windows[key(bytes, at: start)] != nil {
            for offset in start..<(start + window) { covered[offset] = true }
            found = true
        }
        guard found else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard covered[index] else {
                result.append(bytes[index])
                index += 1
                continue
            }
            result.append(contentsOf: Array(Secret.redactedPlaceholder.utf8))
            while index < bytes.count, covered[index] { index += 1 }
        }
        // The windows are ASCII, so the cuts fall between characters.
        return String(decoding: result, as: UTF8.self)
    }
}
