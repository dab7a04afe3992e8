/// Every credential a client has used, and the one function that removes them from text.
///
/// Servers sometimes echo request headers in error bodies, and a custom transport or middleware may
/// put anything in an error's description. Every error leaves the client through
/// `HFClient.finalize`, which passes each of its texts through ``scrub(_:)``; log events about
/// server text do too. The configured token is kept for the client's life; the credentials sent
/// besides it (a refreshing provider's tokens, what a middleware sets) are remembered, the most
/// recent 256, so a rotated token is scrubbed as well as the current one.
///
/// Texts cut from server bytes (a body's first 300 characters, the text around a JSON syntax error)
/// may hold part of a token, so besides every whole occurrence, any run of 8 or more consecutive
/// characters of a credential is replaced by `***`. The runs are found byte by byte through a table
/// of every credential's 8-byte windows, in one pass over the text whatever the number of
/// credentials; only a text that holds one is searched for whole tokens, to keep their `hf_***`
/// form. Windows are taken from ASCII only, so a cut never falls inside a character.
package final class Redactor: Sendable {
    private static let capacity = 256
    private static let window = 8

    private struct State {
        /// The configured token: never forgotten.
        var pinned: Secret?
        /// Most recent first.
        var recent: [Secret] = []
        /// Every 8-byte window of every credential, with how many credentials have it.
        var windows: [UInt64: Int] = [:]
        /// Credentials too short to have a window, searched whole in every text.
        var short: [Secret] = []
    }

    private let state = LockedState(State())

    package init(_ configured: Secret?) {
        guard let configured else { return }
        state.withLock { state in
            state.pinned = configured
            Self.add(configured, to: &state)
        }
    }

    /// Adds `secret` to what is scrubbed.
    package func remember(_ secret: Secret) {
        state.withLock { state in
            if secret == state.pinned { return }
            if let index = state.recent.firstIndex(of: secret) {
                // Most recent first, so a token in use is not the one forgotten next.
                if index > 0 { state.recent.insert(state.recent.remove(at: index), at: 0) }
                return
            }
            state.recent.insert(secret, at: 0)
            Self.add(secret, to: &state)
            guard state.recent.count > Self.capacity else { return }
            let forgotten = state.recent.removeLast()
            if let index = state.short.firstIndex(of: forgotten) { state.short.remove(at: index) }
            for window in Self.windows(of: forgotten) {
                state.windows[window, default: 1] -= 1
                if state.windows[window] == 0 { state.windows[window] = nil }
            }
        }
    }

    /// `text` with every credential replaced by its redacted form, and every run of 8 or more of
    /// a credential's characters by `***`.
    package func scrub(_ text: String) -> String {
        let state = self.state.withLock { $0 }
        var text = state.short.reduce(text) { $1.scrub($0) }
        guard Self.coveredBytes(Array(text.utf8), windows: state.windows) != nil else { return text }
        // A credential, or part of one, is in the text: whole ones first, so they keep their
        // `hf_***` form, then what is left of any.
        text = ([state.pinned].compactMap { $0 } + state.recent).reduce(text) { $1.scrub($0) }
        let bytes = Array(text.utf8)
        guard let covered = Self.coveredBytes(bytes, windows: state.windows) else { return text }
        return Self.replacingCovered(bytes, covered)
    }

    private static func add(_ secret: Secret, to state: inout State) {
        let windows = Self.windows(of: secret)
        if windows.isEmpty { state.short.append(secret) }
        for window in windows { state.windows[window, default: 0] += 1 }
    }

    /// The 8-byte windows of a credential that are all ASCII, as integers.
    private static func windows(of secret: Secret) -> [UInt64] {
        secret.withExposedValue { value in
            let bytes = Array(value.utf8)
            guard bytes.count >= window else { return [] }
            return (0...(bytes.count - window)).compactMap { start in
                bytes[start..<(start + window)].allSatisfy { $0 < 0x80 } ? key(bytes, at: start) : nil
            }
        }
    }

    private static func key(_ bytes: [UInt8], at start: Int) -> UInt64 {
        var key: UInt64 = 0
        for offset in 0..<window { key = key << 8 | UInt64(bytes[start + offset]) }
        return key
    }

    /// Which bytes of `bytes` windows in `windows` cover; `nil` when none.
    private static func coveredBytes(_ bytes: [UInt8], windows: [UInt64: Int]) -> [Bool]? {
        guard bytes.count >= window, !windows.isEmpty else { return nil }
        var covered: [Bool]?
        for start in 0...(bytes.count - window) where windows[key(bytes, at: start)] != nil {
            if covered == nil { covered = [Bool](repeating: false, count: bytes.count) }
            for offset in start..<(start + window) { covered?[offset] = true }
        }
        return covered
    }

    /// `bytes` with each covered stretch replaced by `***`. Covered bytes are ASCII (the windows
    /// are), so every cut falls between characters.
    private static func replacingCovered(_ bytes: [UInt8], _ covered: [Bool]) -> String {
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
        return String(decoding: result, as: UTF8.self)
    }
}
