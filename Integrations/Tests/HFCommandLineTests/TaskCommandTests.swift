import Foundation
import Testing

/// The vision and audio commands against recorded hf-inference replies: files in, files out.
@Suite("hf tasks", .serialized)
struct TaskCommandTests {
    @Test("text-to-image writes the recorded image to --output and reports it")
    func textToImage() throws {
        let stem = "TestInferenceClient.test_text_to_image_default_hf-inference_text-to-image"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hf-cli-\(UUID().uuidString).jpg")
        defer { try? FileManager.default.removeItem(at: output) }
        let server = try ReplayProcess(["--case", stem])
        let run = try CommandRun.pipes([
            "text-to-image", "An astronaut riding a horse on the moon.", "--model", "CompVis/stable-diffusion-v1-4",
            "--output", output.path, "--json", "--base-url", server.url(forHost: "router.huggingface.co"),
        ])
        let requests = try server.finish()
        let recorded = try Recording(stem).responseBody(at: "/hf-inference/models/CompVis/stable-diffusion-v1-4")

        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: output) == recorded)
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(printed["file"] as? String == output.path)
        #expect(printed["contentType"] as? String == "image/jpeg")
        #expect(printed["bytes"] as? Int == recorded.count)
        #expect(try requests.first?.json()["inputs"] as? String == "An astronaut riding a horse on the moon.")
    }

    @Test("transcribe uploads the file given and prints the recorded text")
    func transcribe() throws {
        let stem = "TestInferenceClient.test_automatic_speech_recognition_hf-inference_automatic-speech-recognition"
        let route = "/hf-inference/models/jonatasgrosman/wav2vec2-large-xlsr-53-english"
        let recording = try Recording(stem)
        let clip = FileManager.default.temporaryDirectory.appendingPathComponent("hf-cli-\(UUID().uuidString).flac")
        try recording.requestBody(at: route).write(to: clip)
        defer { try? FileManager.default.removeItem(at: clip) }
        let server = try ReplayProcess(["--case", stem])
        let run = try CommandRun.pipes([
            "transcribe", clip.path, "--model", "jonatasgrosman/wav2vec2-large-xlsr-53-english",
            "--base-url", server.url(forHost: "router.huggingface.co"),
        ])
        let requests = try server.finish()

        #expect(run.status == 0, "\(run.stderr)")
        let recorded = try JSONSerialization.jsonObject(with: recording.responseBody(at: route)) as? [String: Any]
        #expect(run.stdout == (recorded?["text"] as? String ?? "<none>") + "\n")
        #expect(requests.first.map { Data(base64Encoded: $0.body) ?? Data($0.body.utf8) } == (try recording.requestBody(at: route)))
    }

    @Test("text-to-speech writes the recorded audio to --output and says so")
    func textToSpeech() throws {
        let stem = "TestInferenceClient.test_text_to_speech_hf-inference_text-to-speech"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hf-cli-\(UUID().uuidString).flac")
        defer { try? FileManager.default.removeItem(at: output) }
        let server = try ReplayProcess(["--case", stem])
        let run = try CommandRun.pipes([
            "text-to-speech", "Hello world", "--model", "espnet/kan-bayashi_ljspeech_vits", "-o", output.path,
            "--base-url", server.url(forHost: "router.huggingface.co"),
        ])
        _ = try server.finish()
        let recorded = try Recording(stem).responseBody(at: "/hf-inference/models/espnet/kan-bayashi_ljspeech_vits")

        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: output) == recorded)
        #expect(run.stdout == "wrote \(recorded.count) bytes (audio/flac) to \(output.path)\n")
    }

    @Test("image commands upload the file and print the recorded reply as --json", arguments: [
        ("classify-image", "TestInferenceClient.test_image_classification_hf-inference_image-classification", "google/vit-base-patch16-224"),
        ("detect-objects", "TestInferenceClient.test_object_detection_hf-inference_object-detection", "facebook/detr-resnet-50"),
    ])
    func imageJSON(command: String, stem: String, model: String) throws {
        let route = "/hf-inference/models/" + model
        let recording = try Recording(stem)
        let image = FileManager.default.temporaryDirectory.appendingPathComponent("hf-cli-\(UUID().uuidString)")
        try recording.requestBody(at: route).write(to: image)
        defer { try? FileManager.default.removeItem(at: image) }
        let server = try ReplayProcess(["--case", stem])
        let run = try CommandRun.pipes([command, image.path, "-m", model, "--json", "--base-url", server.url(forHost: "router.huggingface.co")])
        _ = try server.finish()

        #expect(run.status == 0, "\(run.stderr)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? NSArray)
        let recorded = try #require(try JSONSerialization.jsonObject(with: recording.responseBody(at: route)) as? NSArray)
        #expect(printed == recorded)
    }
}
