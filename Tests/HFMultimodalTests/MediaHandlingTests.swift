import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFMultimodal

/// Files in and out: remote inputs fetched without credentials, media types sniffed, replies that
/// are not what the task returns.
@Suite("Multimodal media handling")
struct MediaHandlingTests {
    @Test("a remote input is downloaded without the token, X-HF-Bill-To or extra headers, then uploaded")
    func remoteInput() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_image_classification_hf-inference_image-classification") { configuration in
            configuration.billTo = "my-org"
            configuration.extraHeaders["X-Secret-Header"] = "do-not-forward"
        }
        let media = try #require(try RecordedCase.load("TestInferenceClient.test_text_to_image_default_fal-ai_text-to-image").interactions.last)
        recording.server.serve(media)

        _ = try await recording.client.multimodal.classifyImage(.url(recording.server.url(for: media.request.url)), model: recording.model)

        let download = try #require(recording.server.requests.first)
        #expect(download.method == "GET" && download.host == "v3.fal.media")
        #expect(download.header("Authorization") == nil && download.header("X-HF-Bill-To") == nil && download.header("X-Secret-Header") == nil)
        let upload = try recording.sentInference()
        #expect(upload.body == media.response.body)
        #expect(upload.header("Content-Type") == "image/png")
        #expect(upload.header("Authorization") == "Bearer \(testToken)" && upload.header("X-HF-Bill-To") == "my-org")
    }

    @Test("a remote input larger than the upload limit is refused")
    func remoteInputTooLarge() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_image_classification_hf-inference_image-classification") { $0.maximumUploadSize = 10_000 }
        let media = try #require(try RecordedCase.load("TestInferenceClient.test_text_to_image_default_fal-ai_text-to-image").interactions.last)
        recording.server.serve(media)

        let error = await #expect(throws: HFError.self) {
            try await recording.client.multimodal.classifyImage(.url(recording.server.url(for: media.request.url)), model: recording.model)
        }
        #expect(error?.category == .validation && error?.field == "image")
        #expect(recording.server.requests.filter { $0.method == "POST" }.isEmpty)
    }

    @Test("media types are sniffed from the recorded files", arguments: [
        ("TestInferenceClient.test_image_classification_hf-inference_image-classification", "image/png"),
        ("TestInferenceClient.test_audio_classification_hf-inference_audio-classification", "audio/flac"),
        ("TestInferenceClient.test_document_question_answering_hf-inference_document-question-answering", "image/jpeg"),
        ("TestInferenceClient.test_text_to_image_default_nebius_text-to-image", "image/webp"),
    ])
    func sniffing(_ file: String, type: String) throws {
        let recording = try TaskRecording(file)
        if file.contains("nebius") {
            let reply = try JSONSerialization.jsonObject(with: recording.inference.response.body) as! [String: Any]
            let image = try #require((reply["data"] as? [[String: Any]])?.first?["b64_json"] as? String)
            #expect(MediaSniffer.mediaType(of: try #require(Data(base64Encoded: image))) == type)
        } else {
            #expect(MediaSniffer.mediaType(of: recording.upload) == type)
        }
    }

    @Test("a JSON reply where a file was due is a decoding error quoting it, never a file")
    func jsonInsteadOfMedia() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_image_classification_hf-inference_image-classification")
        recording.server.serve(recording.inference, at: Route(method: "POST", host: "router.huggingface.co", path: "/hf-inference/models/some/text-to-image"))

        let error = await #expect(throws: HFError.self) { try await recording.client.multimodal.textToImage("a fox", model: "some/text-to-image") }
        #expect(error?.category == .decoding)
        #expect(error?.bodySnippet?.contains("brassiere") == true)
        #expect(!(error.map { "\($0)" } ?? "").contains(testToken))
    }

    @Test("a result written to a file has the bytes and a usual extension")
    func writing() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_text_to_speech_hf-inference_text-to-speech")
        let speech = try await recording.client.multimodal.textToSpeech("Hello world", model: recording.model)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("speech-\(UUID().uuidString).\(speech.fileExtension)")
        defer { try? FileManager.default.removeItem(at: file) }

        try speech.write(to: file)

        #expect(file.pathExtension == "flac")
        #expect(try Data(contentsOf: file) == recording.inference.response.body)
    }

    @Test("a Replicate prediction still starting when the wait ran out is a timeout that says so, after the recorded request")
    func replicateNotFinished() async throws {
        // Recorded with a direct Replicate key and a mapping the Python test hard-coded; the
        // route is built as the mapping would have it.
        let recording = try TaskRecording("TestInferenceClient.test_text_to_speech_replicate_text-to-speech")
        let client = recording.client
        let adapter = try #require(AdapterRegistry.standard.adapter(for: .replicate, task: .textToSpeech))
        let model = TaskModel(asGiven: "hexgrad/Kokoro-82M", hubID: "hexgrad/Kokoro-82M", providerID: "jaaari/kokoro-82m:dfdf537ba482b029e0a761699e6f55e9162cfd159270bfe0e44857caa5f275a6")
        let base = recording.server.url(forHost: "api.replicate.com")
        let route = TaskRoute(adapter: adapter, url: adapter.url(base: base, model: model), model: model, provider: .replicate, token: .required)
        let operation = client.context(.task(.textToSpeech), task: .textToSpeech)

        let error = await #expect(throws: HFError.self) {
            try await client.perform(operation) { operation in
                try await client.run(try route.call(TaskPayload(json: ["inputs": "Hello world", "parameters": [:]]), client: client, operation: operation))
            }
        }
        let sent = try recording.sentInference()
        #expect(sent.path == "/v1/predictions" && sent.header("Prefer") == "wait")
        #expect(try sent.jsonObject() as NSDictionary == recording.requestJSON as NSDictionary)
        #expect(error?.category == .timeout)
        #expect(error?.message.contains("starting") == true)
        #expect(error?.provider == .replicate)
    }
}
