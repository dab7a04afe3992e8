import Foundation
import HFFull
import HFReplay
import HFTestSupport

/// The replay server the demo talks to without a token: each call is answered with a response
/// recorded from the live services, on the route the client uses today.
struct OfflineServer {
    let server: ReplayServer
    let client: HFClient

    init() throws {
        server = try ReplayServer()
        let router = "https://router.huggingface.co"
        let chat = try Self.interaction("TestInferenceClient.test_chat_completion_no_stream_together_conversational", path: "/v1/chat/completions")
        let stream = try Self.interaction("TestInferenceClient.test_chat_completion_with_stream_together_conversational", path: "/v1/chat/completions")
        let embedding = try Self.interaction("legacy.InferenceClientVCRTest.test_feature_extraction_with_sentence_transformers", path: "/pipeline/feature-extraction/")
        let similarity = try Self.interaction("TestInferenceClient.test_sentence_similarity_hf-inference_sentence-similarity", path: "/pipeline/sentence-similarity/")
        let mapping = try Self.interaction("TestInferenceClient.test_chat_completion_no_stream_together_conversational", path: "/api/models/")

        // The first chat request gets the whole reply, the second the stream (rules on one route
        // are served in the order added).
        server.serve(chat, at: Route("POST", router + "/v1/chat/completions"))
        server.serve(stream, at: Route("POST", router + "/v1/chat/completions"), plan: .eventStream(delayBetweenEvents: Self.eventDelay))
        let hfInference = router + "/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline"
        server.serve(embedding, at: Route("POST", hfInference + "/feature-extraction"))
        server.serve(similarity, at: Route("POST", hfInference + "/sentence-similarity"))
        // Recorded with only the provider mapping expanded; answers any expansion of the model.
        server.serve(mapping, at: Route(method: "GET", host: "huggingface.co", path: "/api/models/meta-llama/Meta-Llama-3-8B-Instruct", query: nil))
        // Vision, audio and image generation: recorded on today's hf-inference routes.
        for stem in Self.multimodalCases { server.serve(case: try RecordedCase.load(stem)) }
        client = HFClient.replaying(server)
    }

    /// The pause between a replayed stream's events, so tokens show one by one as they would live.
    static let eventDelay = Duration.milliseconds(120)

    static let multimodalCases = [
        "TestInferenceClient.test_object_detection_hf-inference_object-detection",
        "TestInferenceClient.test_automatic_speech_recognition_hf-inference_automatic-speech-recognition",
        "TestInferenceClient.test_text_to_image_default_hf-inference_text-to-image",
    ]

    /// The file a recorded case uploaded (a photo, a voice clip), so live and offline runs send the
    /// same input.
    static func upload(_ stem: String) throws -> Data {
        guard let body = try RecordedCase.load(stem).interactions.first(where: { $0.request.method == "POST" })?.request.body else {
            throw HFError(category: .decoding, message: "the recording \(stem) has no upload")
        }
        return body
    }

    /// The first interaction of a recorded case whose URL path contains `path`.
    static func interaction(_ stem: String, path: String) throws -> RecordedInteraction {
        guard let interaction = try RecordedCase.load(stem).interactions.first(where: { $0.request.url.path.contains(path) }) else {
            throw HFError(category: .decoding, message: "the recording \(stem) has no request to \(path)")
        }
        return interaction
    }
}
