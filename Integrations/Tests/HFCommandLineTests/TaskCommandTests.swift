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
}
