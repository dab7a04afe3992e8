import Foundation

/// A candidate for a masked token: the completed text, the token, and its score.
///
/// ```swift
/// let fills = try await client.multimodal.fillMask("The goal of life is [MASK].", model: "google-bert/bert-base-uncased")
/// print(fills[0].tokenString, fills[0].score)
/// ```
public struct MaskFill: Sendable, Hashable, Codable {
    /// The input with the mask replaced by this token.
    public let sequence: String
    /// The model's confidence, from 0 to 1.
    public let score: Double
    /// The token's id in the model's vocabulary.
    public let token: Int?
    /// The token as text.
    public let tokenString: String

    /// A candidate.
    public init(sequence: String, score: Double, token: Int?, tokenString: String) {
        self.sequence = sequence
        self.score = score
        self.token = token
        self.tokenString = tokenString
    }

    private enum CodingKeys: String, CodingKey {
        case sequence, score, token
        case tokenString = "token_str"
    }
}
