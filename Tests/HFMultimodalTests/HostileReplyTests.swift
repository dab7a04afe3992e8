import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFMultimodal

/// Faults a hostile or broken server could inject on top of real replies: result URLs into the
/// caller's network, a provider id that leaves its URL segment, pixel numbers that overflow,
/// downloads that fail. The recorded fal case is served by an in-memory transport for the real
/// hosts, so the call's origin is the public router, as in production.
@Suite("Hostile replies to multimodal calls")
struct HostileReplyTests {
    static let fal = "TestInferenceClient.test_text_to_image_default_fal-ai_text-to-image"

    /// The recorded fal case with `edit` applied to the text of its inference reply or mapping.
    static func falCase(replacing target: String, with replacement: String) throws -> RecordedCase {
        let recorded = try RecordedCase.load(fal)
        let interactions = recorded.interactions.map { interaction in
            var interaction = interaction
            if let text = interaction.response.bodyText, text.contains(target) {
                interaction.response.body = Data(text.replacingOccurrences(of: target, with: replacement).utf8)
            }
            return interaction
        }
        return RecordedCase(name: recorded.name, origin: recorded.origin, interactions: interactions, fileStem: recorded.fileStem)
    }

    @Test("a result URL into a private network or in plain http is not fetched", arguments: [
        "https://169.254.169.254/latest/meta-data",
        "https://10.0.0.7/internal.png",
        "https://localhost/x.png",
        "http://v3.fal.media/files/koala/7EQDw9PT6pMiX2fm7bYOC.png",
        "https://[fd00::1]/x.png",
        "https://printer.local/x.png",
    ])
    func privateResultURL(_ url: String) async throws {
        let transport = MemoryTransport(replaying: try Self.falCase(replacing: "https://v3.fal.media/files/koala/7EQDw9PT6pMiX2fm7bYOC.png", with: url))
        let client = HFClient(configuration: .inMemory(), transport: transport)

        let error = await #expect(throws: HFError.self) {
            try await client.multimodal.textToImage("An astronaut riding a horse on the moon.", model: "black-forest-labs/FLUX.1-dev", via: .provider(.falAI))
        }
        #expect(error?.category == .api)
        #expect(error?.provider == .falAI)
        #expect(error?.message.contains("was not fetched") == true)
        #expect(transport.requests.map(\.method) == [.get, .post])
    }

    @Test("the public result URL of the recording is fetched, without credentials")
    func publicResultURL() async throws {
        let transport = MemoryTransport(replaying: try RecordedCase.load(Self.fal))
        var configuration = HFConfiguration.inMemory()
        configuration.extraHeaders["X-Team"] = "secret"
        let client = HFClient(configuration: configuration, transport: transport)

        let image = try await client.multimodal.textToImage("An astronaut riding a horse on the moon.", model: "black-forest-labs/FLUX.1-dev", via: .provider(.falAI))

        let download = try #require(transport.requests.last)
        #expect(download.url.host == "v3.fal.media" && download.authorization == nil)
        #expect(download.headers["X-Team"] == nil && download.headers["X-HF-Bill-To"] == nil)
        #expect(image.contentType == "image/png")
    }

    @Test("a mapped provider id that would leave its URL segment is refused before the call", arguments: [
        "../hf-inference/models/x", "fal-ai/flux?x=1", "fal-ai/flux#frag", "fal-ai/%2e%2e/x", "/absolute", "fal ai",
    ])
    func unsafeProviderID(_ id: String) async throws {
        let transport = MemoryTransport(replaying: try Self.falCase(replacing: "\"providerId\":\"fal-ai/flux/dev\"", with: "\"providerId\":\"\(id)\""))
        let client = HFClient(configuration: .inMemory(), transport: transport)

        let error = await #expect(throws: HFError.self) {
            try await client.multimodal.textToImage("a fox", model: "black-forest-labs/FLUX.1-dev", via: .provider(.falAI))
        }
        #expect(error?.category == .api && error?.provider == .falAI)
        #expect(transport.requests.map(\.method) == [.get])
    }

    @Test("pixel positions out of any image's range fail to decode instead of overflowing")
    func hugeBox() throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_object_detection_hf-inference_object-detection").interactions.last!.response.bodyText!
        let hostile = recorded.replacingOccurrences(of: "\"xmin\":59", with: "\"xmin\":-9223372036854775808").replacingOccurrences(of: "\"xmax\":420", with: "\"xmax\":9223372036854775807")
        #expect(throws: (any Error).self) { try JSONDecoder().decode([DetectedObject].self, from: Data(hostile.utf8)) }
        #expect(try JSONDecoder().decode([DetectedObject].self, from: Data(recorded.utf8))[0].box.width == 361)
    }

    @Test("a remote input whose host answers 404 is a validation error naming the field, and nothing is uploaded")
    func remoteInputMissing() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_image_classification_hf-inference_image-classification")
        let missing = recording.server.url(for: URL(string: "https://v3.fal.media/files/missing.png")!)
        recording.server.serve(recording.inference, at: Route("GET", "https://v3.fal.media/files/missing.png"), plan: .status(404))

        let error = await #expect(throws: HFError.self) {
            try await recording.client.multimodal.classifyImage(.url(missing), model: recording.model)
        }
        #expect(error?.category == .validation && error?.field == "image")
        #expect(error?.message.contains("404") == true)
        #expect(recording.server.requests.filter { $0.method == "POST" }.isEmpty)
    }

    @Test("a provider that does not serve the task fails before a remote input is downloaded")
    func routeBeforeDownload() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_image_classification_hf-inference_image-classification")
        let error = await #expect(throws: HFError.self) {
            try await recording.client.multimodal.classifyImage(.url(recording.server.url(for: URL(string: "https://v3.fal.media/files/x.png")!)), model: "google/vit-base-patch16-224", via: .provider(.together))
        }
        #expect(error?.category == .validation && error?.field == "provider")
        #expect(recording.server.requests.isEmpty)
    }

    @Test("a content type that is not a media type is refused; one given is sent as given")
    func contentTypes() async throws {
        let recording = try TaskRecording("TestInferenceClient.test_image_classification_hf-inference_image-classification")
        let error = await #expect(throws: HFError.self) {
            try await recording.client.multimodal.classifyImage(.data(recording.upload, contentType: "image/png\r\nX-Injected: 1"), model: recording.model)
        }
        #expect(error?.category == .validation && error?.field == "image")
        #expect(recording.server.requests.isEmpty)

        _ = try await recording.client.multimodal.classifyImage(.data(recording.upload, contentType: "image/x-custom"), model: recording.model)
        #expect(try recording.sentInference().header("Content-Type") == "image/x-custom")
    }
}
