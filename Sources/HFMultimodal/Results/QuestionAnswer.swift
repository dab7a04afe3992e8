import Foundation

/// An answer to a question about a text, an image or a document, with what the model says of it.
///
/// ```swift
/// let answers = try await client.multimodal.answerQuestion("Where do I live?", context: "My name is Wolfgang and I live in Berlin", model: "deepset/roberta-base-squad2")
/// print(answers[0].answer)   // Berlin
/// ```
public struct QuestionAnswer: Sendable, Hashable, Codable {
    /// The answer's text.
    public let answer: String
    /// The model's confidence, when it gives one (document models may not).
    public let score: Double?
    /// Where the answer starts: a character offset into the context (question answering) or a
    /// word index (document question answering); `nil` for visual answers.
    public let start: Int?
    /// Where the answer ends, in the same unit as ``start``.
    public let end: Int?

    /// An answer.
    public init(answer: String, score: Double? = nil, start: Int? = nil, end: Int? = nil) {
        self.answer = answer
        self.score = score
        self.start = start
        self.end = end
    }
}

/// One answer object or a list of them: question answering answers with an object unless asked
/// for more than one.
struct AnswerList: Decodable, Sendable {
    let answers: [QuestionAnswer]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([QuestionAnswer].self) {
            answers = list
        } else {
            answers = [try container.decode(QuestionAnswer.self)]
        }
    }
}
