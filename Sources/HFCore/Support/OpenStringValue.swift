/// A string the server controls, such as a provider name, a task or a finish reason, as a type.
///
/// Open on purpose: any string decodes, so a value the service adds tomorrow never breaks
/// decoding; the known values are static constants. Conform with a `rawValue` property and a
/// non-failable `init(rawValue:)`; string literals, `description` and `Codable` (as a bare JSON
/// string) come with the protocol.
///
/// ```swift
/// public struct FinishReason: OpenStringValue {
///     public let rawValue: String
///     public init(rawValue: String) { self.rawValue = rawValue }
///     public static let stop: FinishReason = "stop"
/// }
/// ```
public protocol OpenStringValue: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible where RawValue == String
{
    /// Creates a value from the server's string, known or not.
    init(rawValue: String)
}

extension OpenStringValue {
    /// Creates a value from a string literal: `let provider: Provider = "together"`.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }
}
