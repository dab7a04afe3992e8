import Foundation
import HFCore

/// A label and its score: what image, audio, text and zero-shot classification return, best first.
///
/// ```swift
/// let labels = try await client.multimodal.classifyText("I love this!", model: "distilbert/distilbert-base-uncased-finetuned-sst-2-english")
/// print(labels[0].label, labels[0].score)   // POSITIVE 0.99…
/// ```
public struct ClassificationLabel: Sendable, Hashable, Codable {
    /// The class, in the model's words.
    public let label: String
    /// Between 0 and 1 unless the call asked for raw logits (``ClassificationFunction/raw``).
    public let score: Double

    /// A label and its score.
    public init(label: String, score: Double) {
        self.label = label
        self.score = score
    }
}

/// How a classifier turns its raw scores into the scores it returns.
///
/// ```swift
/// let labels = try await client.multimodal.classifyText("I love this!", model: "distilbert/distilbert-base-uncased-finetuned-sst-2-english", function: .softmax)
/// ```
public struct ClassificationFunction: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Each score on its own, from 0 to 1 (multi-label models).
    public static let sigmoid: ClassificationFunction = "sigmoid"
    /// Scores that sum to 1 (single-label models).
    public static let softmax: ClassificationFunction = "softmax"
    /// The raw logits (sent as `"none"`; named so that it cannot be mistaken for `nil`).
    public static let raw: ClassificationFunction = "none"
}

/// A list of labels in either shape a classifier answers with: `[{label, score}]`, the same list
/// wrapped in an outer array (text classification), or the older zero-shot form
/// `{"sequence", "labels": […], "scores": […]}`.
struct ClassificationList: Decodable, Sendable {
    let labels: [ClassificationLabel]

    private struct ZeroShotForm: Decodable {
        let labels: [String]
        let scores: [Double]
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([ClassificationLabel].self) {
            labels = list
        } else if let nested = try? container.decode([[ClassificationLabel]].self) {
            labels = nested.first ?? []
        } else {
            let form = try container.decode(ZeroShotForm.self)
            guard form.labels.count == form.scores.count else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(form.labels.count) labels but \(form.scores.count) scores")
            }
            labels = zip(form.labels, form.scores).map(ClassificationLabel.init)
        }
    }
}
