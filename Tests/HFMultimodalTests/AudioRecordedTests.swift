import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFMultimodal

/// The audio tasks against every recorded case that answers in one exchange.
@Suite("Audio tasks, recorded")
struct AudioRecordedTests {
    @Test("speech recognition on hf-inference: the audio as the raw body, its type sniffed", arguments: [
        "TestInferenceClient.test_automatic_speech_recognition_hf-inference_automatic-speech-recognition",
        "legacy.InferenceClientVCRTest.test_automatic_speech_recognition",
    ])
    func speechRecognition(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let heard = try await recording.client.multimodal.transcribe(.data(recording.upload), model: recording.model)

        let sent = try recording.sentInference()
        #expect(sent.body == recording.upload)
        #expect(sent.header("Content-Type") == "audio/flac")
        #expect(heard.text == (try recording.reference([String: String].self))["text"])
        #expect(heard.chunks.isEmpty)
    }

    @Test("speech recognition asking for timestamps: base64 JSON with return_timestamps")
    func speechRecognitionTimestamps() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_automatic_speech_recognition_hf-inference_automatic-speech-recognition")
        _ = try await recording.client.multimodal.transcribe(.data(recording.upload), model: recording.model, returnTimestamps: true)

        let json = try recording.sentInference().jsonObject()
        #expect(json["inputs"] as? String == recording.upload.base64EncodedString())
        #expect(json["parameters"] as? NSDictionary == ["return_timestamps": true])
    }

    @Test("speech recognition on fal: the mapping's id in the route, the audio as a data URI, chunks with timestamps")
    func speechRecognitionFal() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_automatic_speech_recognition_fal-ai_automatic-speech-recognition")
        let heard = try await recording.client.multimodal.transcribe(.data(recording.upload), model: "openai/whisper-large-v3", via: .provider(.falAI))

        let hub = try #require(recording.server.requests.first)
        #expect(hub.path == "/api/models/openai/whisper-large-v3" && hub.queryValue("expand[]") == "inferenceProviderMapping")
        let sent = try recording.sentInference()
        #expect(sent.path == "/fal-ai/fal-ai/whisper")
        #expect(sent.header("Authorization") == "Bearer \(testToken)")
        // FLAC is not among the types fal lists, so it goes as audio/mpeg, as the Python client sent it.
        #expect(try sent.jsonObject() as NSDictionary == recording.requestJSON as NSDictionary)
        #expect(heard == Transcription(text: " A man said to the universe, Sir, I exist.", chunks: [.init(text: " A man said to the universe, Sir, I exist.", start: 0.0, end: 4.08)]))
    }

    @Test("text to speech on hf-inference: audio bytes with their type", arguments: [
        "TestInferenceClient.test_text_to_speech_hf-inference_text-to-speech",
        "legacy.InferenceClientVCRTest.test_text_to_speech",
    ])
    func textToSpeech(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let speech = try await recording.client.multimodal.textToSpeech("Hello world", model: recording.model)

        #expect(try recording.sentInference().jsonObject() as NSDictionary == ["inputs": "Hello world", "parameters": [:]])
        #expect(speech.data == recording.inference.response.body)
        #expect(speech.contentType == "audio/flac" && speech.fileExtension == "flac")
    }

    @Test("audio classification: the audio as the raw body, labels best first", arguments: [
        "TestInferenceClient.test_audio_classification_hf-inference_audio-classification",
        "legacy.InferenceClientVCRTest.test_audio_classification",
    ])
    func audioClassification(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let labels = try await recording.client.multimodal.classifyAudio(.data(recording.upload), model: recording.model)

        #expect(try recording.sentInference().body == recording.upload)
        #expect(labels.pairs == pairs(try recording.reference([ReferenceLabel].self)))
    }

    @Test("audio to audio: labelled blobs decoded, with their type", arguments: [
        "TestInferenceClient.test_audio_to_audio_hf-inference_audio-to-audio",
        "legacy.InferenceClientVCRTest.test_audio_to_audio",
    ])
    func audioToAudio(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let outputs = try await recording.client.multimodal.audioToAudio(.data(recording.upload), model: recording.model)

        #expect(try recording.sentInference().body == recording.upload)
        let reference = try recording.reference([[String: String]].self)
        #expect(outputs.map(\.label) == reference.map { $0["label"]! })
        #expect(outputs.map(\.audio.data) == reference.map { Data(base64Encoded: $0["blob"]!)! })
        #expect(outputs.map(\.audio.contentType) == reference.map { $0["content-type"]! })
    }
}
