import HFCore

/// The Hub's `gated` field: whether users must request access before downloading the model.
///
/// The Hub sends `false`, `"auto"` or `"manual"`; `false` reads as ``notGated``. An open set.
///
/// ```swift
/// let info = try await client.models.info(.llama3_8BInstruct, expand: [.gated])
/// if info.gated == .manual { print("ask the authors for access") }
/// ```
public struct Gating: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Anyone can download the files.
    public static let notGated: Gating = "false"
    /// Access requests are approved automatically.
    public static let automatic: Gating = "auto"
    /// The authors approve each access request.
    public static let manual: Gating = "manual"

    /// `true` unless ``notGated``.
    public var isGated: Bool { self != .notGated }
}
