import HFCore

/// Which end of an over-long input is cut when ``EmbeddingOptions/truncate`` is on.
///
/// An open set, sent as written: servers may accept values this package does not know yet.
///
/// ```swift
/// let options = EmbeddingOptions(truncate: true, truncationDirection: .left)   // keep the end of long texts
/// ```
public struct TruncationDirection: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Keep the end of the text, cut its beginning.
    public static let left: TruncationDirection = "left"
    /// Keep the beginning of the text, cut its end (the servers' default).
    public static let right: TruncationDirection = "right"
}
