import Foundation

/// A credential, such as a Hugging Face token, that never shows itself.
///
/// Its `description`, `debugDescription`, `dump` output, string interpolation and any `Encodable`
/// encoding all give a redacted form that keeps only the `hf_` prefix, so a token can sit in a
/// configuration that is logged or dumped without leaking. The value is read only where it is
/// sent: by a transport writing the `Authorization` header (see ``withExposedValue(_:)``).
///
/// ```swift
/// let token = Secret("hf_abc…")
/// print(token)            // hf_***
/// ```
public struct Secret: Sendable, Hashable {
    /// What every redacted form shows in place of the value.
    public static let redactedPlaceholder = "***"

    private let value: String

    /// Wraps a credential. Surrounding white space and line breaks are removed, as token files
    /// often end with a newline.
    public init(_ value: String) {
        self.value = value.filter { $0 != "\r" && $0 != "\n" }.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `true` when the credential is empty after trimming, which counts as no credential.
    public var isEmpty: Bool { value.isEmpty }

    /// `true` for Hugging Face tokens (`hf_…`), which the router accepts; other strings are treated
    /// as a provider's own API key.
    public var isHuggingFaceToken: Bool { value.hasPrefix("hf_") }

    /// `true` when the value can be written in a header: visible ASCII only (RFC 6750's token
    /// characters and then some), so it cannot break the header line it is written on.
    package var isValidHeaderValue: Bool {
        value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// The redacted form: `hf_***` for Hugging Face tokens, `***` otherwise.
    public var redacted: String {
        isHuggingFaceToken ? "hf_" + Self.redactedPlaceholder : Self.redactedPlaceholder
    }

    /// Runs `body` with the real value. Use it only to put the credential on the wire.
    public func withExposedValue<Result>(_ body: (String) throws -> Result) rethrows -> Result {
        try body(value)
    }

    /// Replaces every occurrence of the credential in `text` with its redacted form.
    ///
    /// Servers sometimes echo request headers in error bodies; every message built from a response
    /// passes through here before it reaches an error or a log.
    public func scrub(_ text: String) -> String {
        guard value.count >= 4, text.contains(value) else { return text }
        return text.replacingOccurrences(of: value, with: redacted)
    }
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { redacted }
    public var debugDescription: String { "Secret(\(redacted))" }
    public var customMirror: Mirror { Mirror(self, children: ["value": redacted]) }
}

extension Secret: Encodable {
    /// Encodes the redacted form: a configuration written to disk or a log must not carry the token.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(redacted)
    }
}
