/// Every credential a client has used, and the one function that removes them from text.
///
/// Servers sometimes echo request headers in error bodies, and a custom transport or middleware may
/// put anything in an error's description. Every error leaves the client through
/// `HFClient.finalize`, which passes each of its texts through ``scrub(_:)``; log events about
/// server text do too. A refreshing token provider's tokens are remembered as they are handed out
/// (the most recent 16), so a rotated token is scrubbed as well as the current one.
package final class Redactor: Sendable {
    private static let capacity = 16
    private let secrets = LockedState<[Secret]>([])

    package init(_ initial: Secret?) {
        if let initial { remember(initial) }
    }

    /// Adds `secret` to what is scrubbed.
    package func remember(_ secret: Secret) {
        secrets.withLock { secrets in
            guard !secrets.contains(secret) else { return }
            secrets.insert(secret, at: 0)
            if secrets.count > Self.capacity { secrets.removeLast() }
        }
    }

    /// `text` with every remembered credential replaced by its redacted form.
    package func scrub(_ text: String) -> String {
        let secrets = self.secrets.withLock { $0 }
        return secrets.reduce(text) { $1.scrub($0) }
    }
}
