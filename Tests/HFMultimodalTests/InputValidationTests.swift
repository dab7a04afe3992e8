import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFMultimodal

/// Bad input fails with a typed `validation` error naming the field, before anything is sent.
@Suite("Multimodal input checks")
struct InputValidationTests {
    static let recorded = "TestInferenceClient.test_image_classification_hf-inference_image-classification"

    /// Runs `call` on a client whose server would answer; expects a validation error on `field`
    /// and no request at all.
    func expectRefused(_ field: String, configure: (inout HFConfiguration) -> Void = { _ in }, _ call: (MultimodalAPI, Data) async throws -> Void) async throws {
        let recording = try TaskRecording(Self.recorded, configure: configure)
        let error = await #expect(throws: HFError.self) { try await call(recording.client.multimodal, recording.upload) }
        #expect(error?.category == .validation)
        #expect(error?.field == field, "\(error?.message ?? "")")
        #expect(recording.server.requests.isEmpty)
    }

    @Test("zero-shot classification needs two labels, none blank")
    func labels() async throws {
        try await expectRefused("labels") { api, image in _ = try await api.classifyImage(.data(image), labels: ["cat"], model: "openai/clip-vit-base-patch32") }
        try await expectRefused("labels") { api, _ in _ = try await api.classifyText("text", labels: ["a", " "], model: "facebook/bart-large-mnli") }
    }

    @Test("files: empty, missing, not a file URL, not base64, over the upload limit")
    func files() async throws {
        try await expectRefused("image") { api, _ in _ = try await api.classifyImage(.data(Data()), model: "google/vit-base-patch16-224") }
        try await expectRefused("image") { api, _ in _ = try await api.classifyImage(.file(URL(fileURLWithPath: "/nonexistent/photo.png")), model: "google/vit-base-patch16-224") }
        try await expectRefused("image") { api, _ in _ = try await api.classifyImage(.file(URL(string: "https://example.com/photo.png")!), model: "google/vit-base-patch16-224") }
        try await expectRefused("image") { api, _ in _ = try await api.classifyImage(.base64("not base64 at all!"), model: "google/vit-base-patch16-224") }
        try await expectRefused("audio") { api, _ in _ = try await api.transcribe(.url(URL(string: "ftp://example.com/a.flac")!), model: "openai/whisper-large-v3") }
        try await expectRefused("image", configure: { $0.maximumUploadSize = 1000 }) { api, image in
            _ = try await api.classifyImage(.data(image), model: "google/vit-base-patch16-224")
        }
    }

    @Test("a file over the upload limit is refused from its size, before it is read")
    func largeFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("large-\(UUID().uuidString).png")
        try Data(repeating: 0, count: 4096).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await expectRefused("image", configure: { $0.maximumUploadSize = 4095 }) { api, _ in
            _ = try await api.classifyImage(.file(file), model: "google/vit-base-patch16-224")
        }
    }

    @Test("parameters: ranges, NaN, blank texts, half a language pair, an uneven table")
    func parameters() async throws {
        try await expectRefused("topK") { api, image in _ = try await api.classifyImage(.data(image), model: "m/m", topK: 0) }
        try await expectRefused("threshold") { api, image in _ = try await api.detectObjects(in: .data(image), model: "m/m", threshold: 1.5) }
        try await expectRefused("extra") { api, _ in
            _ = try await api.textToImage("a fox", model: "m/m", parameters: GenerationParameters(extra: ["strength": .double(.nan)]))
        }
        try await expectRefused("width") { api, _ in _ = try await api.textToImage("a fox", model: "m/m", parameters: GenerationParameters(width: 0, height: 512)) }
        try await expectRefused("height") { api, _ in _ = try await api.textToImage("a fox", model: "m/m", parameters: GenerationParameters(width: 512)) }
        try await expectRefused("prompt") { api, _ in _ = try await api.textToImage("  ", model: "m/m") }
        try await expectRefused("to") { api, _ in _ = try await api.translate("Hello", model: "m/m", from: "en_XX") }
        try await expectRefused("question") { api, image in _ = try await api.answerQuestion("", aboutImage: .data(image), model: "m/m") }
        try await expectRefused("table") { api, _ in _ = try await api.answerQuestion("How many?", table: ["a": ["1", "2"], "b": ["3"]], model: "m/m") }
        try await expectRefused("model") { api, image in _ = try await api.classifyImage(.data(image), model: "bad model id") }
    }

    @Test("a provider that does not serve the task is refused before the Hub is asked")
    func unservedTask() async throws {
        try await expectRefused("provider") { api, image in _ = try await api.classifyImage(.data(image), model: "google/vit-base-patch16-224", via: .provider(.together)) }
    }
}
