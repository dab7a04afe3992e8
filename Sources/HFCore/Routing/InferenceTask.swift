/// A task as the Hub names it in `pipeline_tag` and in provider mappings.
///
/// An open set: the Hub adds tasks, and a new one must never break decoding.
public struct InferenceTask: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Chat completion; what provider mappings call chat models.
    public static let conversational: InferenceTask = "conversational"
    public static let textGeneration: InferenceTask = "text-generation"
    public static let featureExtraction: InferenceTask = "feature-extraction"
    public static let sentenceSimilarity: InferenceTask = "sentence-similarity"
    public static let textClassification: InferenceTask = "text-classification"
    public static let tokenClassification: InferenceTask = "token-classification"
    public static let zeroShotClassification: InferenceTask = "zero-shot-classification"
    public static let questionAnswering: InferenceTask = "question-answering"
    public static let tableQuestionAnswering: InferenceTask = "table-question-answering"
    public static let fillMask: InferenceTask = "fill-mask"
    public static let summarization: InferenceTask = "summarization"
    public static let translation: InferenceTask = "translation"
    public static let textToImage: InferenceTask = "text-to-image"
    public static let imageToImage: InferenceTask = "image-to-image"
    public static let imageToText: InferenceTask = "image-to-text"
    public static let imageTextToText: InferenceTask = "image-text-to-text"
    public static let imageClassification: InferenceTask = "image-classification"
    public static let imageSegmentation: InferenceTask = "image-segmentation"
    public static let objectDetection: InferenceTask = "object-detection"
    public static let zeroShotImageClassification: InferenceTask = "zero-shot-image-classification"
    public static let visualQuestionAnswering: InferenceTask = "visual-question-answering"
    public static let documentQuestionAnswering: InferenceTask = "document-question-answering"
    public static let textToSpeech: InferenceTask = "text-to-speech"
    public static let textToAudio: InferenceTask = "text-to-audio"
    public static let automaticSpeechRecognition: InferenceTask = "automatic-speech-recognition"
    public static let audioClassification: InferenceTask = "audio-classification"
    public static let audioToAudio: InferenceTask = "audio-to-audio"
    public static let textToVideo: InferenceTask = "text-to-video"
    public static let imageToVideo: InferenceTask = "image-to-video"
    public static let tabularClassification: InferenceTask = "tabular-classification"
    public static let tabularRegression: InferenceTask = "tabular-regression"

    /// The tasks hf-inference serves on `/models/{id}` with its own task bodies: every task but
    /// chat, text generation and the embeddings pipelines.
    package static let hfInferenceTaskRoutes: [InferenceTask] = [
        .textClassification, .tokenClassification, .zeroShotClassification, .questionAnswering,
        .tableQuestionAnswering, .fillMask, .summarization, .translation, .tabularClassification,
        .tabularRegression, .textToImage, .imageToImage, .imageToText, .imageClassification,
        .imageSegmentation, .objectDetection, .zeroShotImageClassification, .visualQuestionAnswering,
        .documentQuestionAnswering, .textToVideo, .imageToVideo, .textToSpeech, .textToAudio,
        .automaticSpeechRecognition, .audioClassification, .audioToAudio,
    ]
}
