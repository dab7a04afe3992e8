import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFMultimodal

/// Text-to-image on every route of the recordings that answers in one exchange: hf-inference's
/// raw bytes, base64 in JSON (Together, Nebius, Hyperbolic), and result URLs downloaded (fal,
/// Replicate) without the token.
@Suite("Image generation, recorded")
struct GenerationRecordedTests {
    static let prompt = "An astronaut riding a horse on the moon."

    @Test("hf-inference: the prompt in `inputs`, the image bytes as sent", arguments: [
        "TestInferenceClient.test_text_to_image_default_hf-inference_text-to-image",
        "legacy.InferenceClientVCRTest.test_text_to_image",
        "legacy.InferenceClientVCRTest.test_text_to_image_default",
    ])
    func hfInference(_ file: String) async throws {
        let recording = try TaskRecording(file)
        let image = try await recording.client.multimodal.textToImage(Self.prompt, model: recording.model)

        let sent = try recording.sentInference()
        #expect(sent.header("Accept") == "image/png")
        #expect(try sent.jsonObject() as NSDictionary == ["inputs": Self.prompt, "parameters": [:]])
        #expect(image.data == recording.inference.response.body)
        #expect(image.contentType == "image/jpeg")
    }

    @Test("hf-inference with a size: width and height in `parameters`")
    func hfInferenceParameters() async throws {
        let recording = try TaskRecording("legacy.InferenceClientVCRTest.test_text_to_image_with_parameters")
        let image = try await recording.client.multimodal.textToImage(Self.prompt, model: recording.model, parameters: GenerationParameters(width: 256, height: 256))

        #expect(try recording.sentInference().jsonObject() as NSDictionary == recording.requestJSON as NSDictionary)
        #expect(image.data == recording.inference.response.body)
    }

    @Test("Together, Nebius, Hyperbolic: base64 in the JSON reply, decoded", arguments: [
        ("TestInferenceClient.test_text_to_image_default_together_text-to-image", Provider.together, "stabilityai/stable-diffusion-xl-base-1.0"),
        ("TestInferenceClient.test_text_to_image_default_nebius_text-to-image", Provider.nebius, "stabilityai/stable-diffusion-xl-base-1.0"),
        ("TestInferenceClient.test_text_to_image_default_hyperbolic_text-to-image", Provider.hyperbolic, "stabilityai/stable-diffusion-2"),
    ])
    func base64Providers(_ file: String, provider: Provider, model: String) async throws {
        let recording = try TaskRecording(file)
        // The Python test asked Nebius for 512×512; the others with no parameters.
        let parameters = provider == .nebius ? GenerationParameters(width: 512, height: 512) : GenerationParameters()
        let image = try await recording.client.multimodal.textToImage(Self.prompt, model: ModelID(rawValue: model), parameters: parameters, via: .provider(provider))

        let sent = try recording.sentInference()
        #expect(sent.path == recording.inferencePath)
        #expect(sent.header("Authorization") == "Bearer \(testToken)")
        #expect(try sent.jsonObject() as NSDictionary == recording.requestJSON as NSDictionary)
        let reply = try JSONSerialization.jsonObject(with: recording.inference.response.body) as! [String: Any]
        let encoded = ((reply["data"] ?? reply["images"]) as! [[String: Any]])[0]
        let expected = try #require(Data(base64Encoded: (encoded["b64_json"] ?? encoded["image"]) as! String))
        #expect(image.data == expected)
        #expect(image.contentType == ["together": "image/jpeg", "nebius": "image/webp", "hyperbolic": "image/png"][provider.rawValue])
    }

    @Test("fal and Replicate: the result URL downloaded without the token, the bytes the media host sent", arguments: [
        ("TestInferenceClient.test_text_to_image_default_fal-ai_text-to-image", Provider.falAI, "black-forest-labs/FLUX.1-dev"),
        ("TestInferenceClient.test_text_to_image_default_replicate_text-to-image", Provider.replicate, "ByteDance/SDXL-Lightning"),
    ])
    func urlProviders(_ file: String, provider: Provider, model: String) async throws {
        let recording = try TaskRecording(file)
        let image = try await recording.client.multimodal.textToImage(Self.prompt, model: ModelID(rawValue: model), via: .provider(provider))

        let sent = try recording.sentInference()
        #expect(sent.path == recording.inferencePath)
        #expect(try sent.jsonObject() as NSDictionary == recording.requestJSON as NSDictionary)
        if provider == .replicate { #expect(sent.header("Prefer") == "wait") }
        let download = try #require(recording.server.requests.last)
        let media = try #require(recording.recorded.interactions.last)
        #expect(download.method == "GET" && download.host == media.request.url.host && download.path == media.request.url.path)
        #expect(download.header("Authorization") == nil && download.header("X-HF-Bill-To") == nil)
        #expect(image.data == media.response.body)
        #expect(image.contentType == "image/png")
    }
}
