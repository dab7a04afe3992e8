import HFCore

/// The Hub's `inference` field: whether the model is served by Inference Providers right now.
///
/// Today the Hub reports `warm` (served by at least one provider) or leaves the field out; until
/// mid-2025 it also reported `cold` (loadable on demand by the serverless API) and `frozen` (not
/// loadable). An open set: a new value decodes as itself.
///
/// ```swift
/// let info = try await client.models.info(.llama3_8BInstruct)
/// print(info.inference == .warm ? "served now" : "not served")
/// ```
public struct InferenceStatus: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Served by at least one provider now.
    public static let warm: InferenceStatus = "warm"
    /// Legacy serverless API: not loaded, but loaded on the first request.
    public static let cold: InferenceStatus = "cold"
    /// Legacy serverless API: not available for inference.
    public static let frozen: InferenceStatus = "frozen"
}
