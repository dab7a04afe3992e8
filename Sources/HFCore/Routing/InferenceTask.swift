/// A task as the Hub names it in `pipeline_tag` and in provider mappings.
///
/// An open set: the Hub adds tasks, and a new one must never break decoding.
///
/// ```swift
/// let mappings = try await client.providerMappings(for: .llama3_8BInstruct)
/// let chatProviders = mappings.filter { $0.task == .conversational }.map(\.provider)
/// ```
public struct InferenceTask: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Chat completion; what provider mappings call chat models.
    public static let conversational: InferenceTask = "conversational"
    /// `text-generation`: continue a prompt (TGI's `generate`).
    public static let textGeneration: InferenceTask = "text-generation"
    /// `feature-extraction`: embeddings.
    public static let featureExtraction: InferenceTask = "feature-extraction"
    /// `sentence-similarity`: scores of sentences against a source sentence.
    public static let sentenceSimilarity: InferenceTask = "sentence-similarity"
    /// `text-classification`: labels for a text.
    public static let textClassification: InferenceTask = "text-classification"
    /// `token-classification`: named entities and other labels per token.
    public static let tokenClassification: InferenceTask = "token-classification"
    /// `zero-shot-classification`: a text scored against labels you give.
    public static let zeroShotClassification: InferenceTask = "zero-shot-classification"
    /// `question-answering`: an answer found in a context text.
    public static let questionAnswering: InferenceTask = "question-answering"
    /// `table-question-answering`: an answer found in a table.
    public static let tableQuestionAnswering: InferenceTask = "table-question-answering"
    /// `fill-mask`: the likeliest words for a mask token.
    public static let fillMask: InferenceTask = "fill-mask"
    /// `summarization`: a shorter text.
    public static let summarization: InferenceTask = "summarization"
    /// `translation`: the text in another language.
    public static let translation: InferenceTask = "translation"
    /// `text-to-image`: an image from a prompt.
    public static let textToImage: InferenceTask = "text-to-image"
    /// `image-to-image`: an image changed by a prompt.
    public static let imageToImage: InferenceTask = "image-to-image"
    /// `image-to-text`: a caption for an image.
    public static let imageToText: InferenceTask = "image-to-text"
    /// `image-text-to-text`: chat with images (vision-language models).
    public static let imageTextToText: InferenceTask = "image-text-to-text"
    /// `image-classification`: labels for an image.
    public static let imageClassification: InferenceTask = "image-classification"
    /// `image-segmentation`: masks of an image's regions.
    public static let imageSegmentation: InferenceTask = "image-segmentation"
    /// `object-detection`: labelled boxes in an image.
    public static let objectDetection: InferenceTask = "object-detection"
    /// `zero-shot-image-classification`: an image scored against labels you give.
    public static let zeroShotImageClassification: InferenceTask = "zero-shot-image-classification"
    /// `visual-question-answering`: an answer about an image.
    public static let visualQuestionAnswering: InferenceTask = "visual-question-answering"
    /// `document-question-answering`: an answer found in a document image.
    public static let documentQuestionAnswering: InferenceTask = "document-question-answering"
    /// `text-to-speech`: spoken audio from a text.
    public static let textToSpeech: InferenceTask = "text-to-speech"
    /// `text-to-audio`: audio (music, sounds) from a prompt.
    public static let textToAudio: InferenceTask = "text-to-audio"
    /// `automatic-speech-recognition`: the text spoken in audio.
    public static let automaticSpeechRecognition: InferenceTask = "automatic-speech-recognition"
    /// `audio-classification`: labels for audio.
    public static let audioClassification: InferenceTask = "audio-classification"
    /// `audio-to-audio`: audio changed or separated into sources.
    public static let audioToAudio: InferenceTask = "audio-to-audio"
    /// `text-to-video`: a video from a prompt.
    public static let textToVideo: InferenceTask = "text-to-video"
    /// `image-to-video`: a video from an image and a prompt.
    public static let imageToVideo: InferenceTask = "image-to-video"
    /// `tabular-classification`: a label per table row.
    public static let tabularClassification: InferenceTask = "tabular-classification"
    /// `tabular-regression`: a number per table row.
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
