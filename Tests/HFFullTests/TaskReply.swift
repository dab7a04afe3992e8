import Foundation
import HFFull
import HFReplay
import Testing

/// The public type a recorded task reply is read into, where that type models the reply's whole
/// shape; found from the case's name (the recorded URLs of hf-inference name only the model).
enum TaskReply: String, Hashable, Sendable, CaseIterable {
    case embeddings, maskFills, labels, labelLists, labeledAudio, transcription, answers, answer
    case tableAnswer, segments, objects, scores, entities

    /// Most specific first: `zero_shot_image_classification` before `image_classification`, the
    /// three kinds of question answering before the plain one.
    static let byCaseName: [(String, RecordedJSON.Kind)] = [
        ("feature_extraction", .taskReply(.embeddings)), ("overriding_task", .taskReply(.embeddings)),
        ("fill_mask", .taskReply(.maskFills)), ("simple_inference", .taskReply(.maskFills)),
        ("zero_shot_image_classification", .taskReply(.labels)), ("image_classification", .taskReply(.labels)),
        ("audio_classification", .taskReply(.labels)), ("text_classification", .taskReply(.labelLists)),
        ("audio_to_audio", .taskReply(.labeledAudio)), ("automatic_speech_recognition", .taskReply(.transcription)),
        ("document_question_answering", .taskReply(.answers)), ("visual_question_answering", .taskReply(.answers)),
        ("table_question_answering", .taskReply(.tableAnswer)), ("question_answering", .taskReply(.answer)),
        ("image_segmentation", .taskReply(.segments)), ("object_detection", .taskReply(.objects)),
        ("sentence_similarity", .taskReply(.scores)), ("token_classification", .taskReply(.entities)),
        ("image_to_text", .notModelled("a text the API returns as a String")),
        ("summarization", .notModelled("a text the API returns as a String")),
        ("translation", .notModelled("a text the API returns as a String")),
        ("zero_shot_classification", .notModelled("the zero-shot form, read into [ClassificationLabel]")),
        ("text_to_image", .notModelled("a provider's job or media envelope, read into MediaOutput")),
        ("text_to_speech", .notModelled("a provider's job or media envelope, read into MediaOutput")),
        ("conversational", .notModelled("a legacy task the API does not offer")),
    ]

    /// What the reply of case `stem` is; a case no entry names fails the coverage test.
    static func kind(stem: String, path: String) -> RecordedJSON.Kind {
        byCaseName.first { stem.contains($0.0) }?.1 ?? .notModelled("unclassified: \(stem)")
    }

    /// Decodes `body` as this type and expects it to encode back to the same JSON.
    func expectRoundTrip(_ body: RecordedJSON) throws {
        switch self {
        case .embeddings: try body.expectRoundTrip(Embeddings.self, floatPrecision: true)
        case .maskFills: try body.expectRoundTrip([MaskFill].self)
        case .labels: try body.expectRoundTrip([ClassificationLabel].self)
        case .labelLists: try body.expectRoundTrip([[ClassificationLabel]].self)
        case .labeledAudio: try body.expectRoundTrip([LabeledAudio].self)
        case .transcription: try body.expectRoundTrip(Transcription.self)
        case .answers: try body.expectRoundTrip([QuestionAnswer].self)
        case .answer: try body.expectRoundTrip(QuestionAnswer.self)
        case .tableAnswer: try body.expectRoundTrip(TableAnswer.self)
        case .segments: try body.expectRoundTrip([ImageSegment].self)
        case .objects: try body.expectRoundTrip([DetectedObject].self)
        case .scores: try body.expectRoundTrip([Double].self)
        case .entities: try body.expectRoundTrip([TokenEntity].self)
        }
    }
}
