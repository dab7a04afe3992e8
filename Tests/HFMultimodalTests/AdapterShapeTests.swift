import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFMultimodal

/// The request each provider's task adapter makes, for the routes of protocol §7 that have no
/// recording: URL, headers and body, from the canonical input. (What these providers answer is
/// read by the same code as the recorded replies: raw audio bytes, `{"text"}`, `data[0].b64_json`.)
@Suite("Multimodal adapters")
struct AdapterShapeTests {
    static let model = TaskModel(asGiven: "org/model", hubID: "org/model", providerID: "provider/model")
    static let audio = TaskMedia(data: Data("fLaC-audio".utf8), contentType: "audio/flac")

    static func adapter(_ provider: Provider, _ task: InferenceTask) throws -> TaskAdapter {
        try #require(AdapterRegistry.standard.adapter(for: provider, task: task))
    }

    static func url(_ provider: Provider, _ task: InferenceTask) throws -> String {
        try adapter(provider, task).url(base: HFConfiguration.inMemory().baseURL(for: provider), model: model).absoluteString
    }

    @Test("Together and DeepInfra speech: `{input, model, voice}` on their audio routes")
    func speech() throws {
        #expect(try Self.url(.together, .textToSpeech) == "https://router.huggingface.co/together/v1/audio/speech")
        #expect(try Self.url(.deepInfra, .textToSpeech) == "https://router.huggingface.co/deepinfra/v1/openai/audio/speech")
        let payload = TaskPayload(json: MultimodalAPI.body(inputs: "Hello", [], extra: ["voice": "af_alloy"]))
        let body = try #require(try Self.adapter(.together, .textToSpeech).body(for: payload, model: Self.model).json)
        #expect(body == ["input": "Hello", "model": "provider/model", "voice": "af_alloy"])
    }

    @Test("Together and DeepInfra transcription: a multipart upload of the file, the model and the parameters")
    func transcription() throws {
        #expect(try Self.url(.together, .automaticSpeechRecognition) == "https://router.huggingface.co/together/v1/audio/transcriptions")
        #expect(try Self.url(.deepInfra, .automaticSpeechRecognition) == "https://router.huggingface.co/deepinfra/v1/openai/audio/transcriptions")
        let payload = TaskPayload(json: MultimodalAPI.body(inputs: nil, [("return_timestamps", true)], extra: ["language": "en"]), media: Self.audio)
        guard case .multipart(let form) = try Self.adapter(.deepInfra, .automaticSpeechRecognition).body(for: payload, model: Self.model) else {
            Issue.record("not multipart")
            return
        }
        let text = String(decoding: form.encoded(), as: UTF8.self)
        let boundary = "--" + form.boundary
        #expect(form.contentType == "multipart/form-data; boundary=\(form.boundary)")
        #expect(text.hasPrefix(boundary + "\r\n"))
        #expect(text.contains("Content-Disposition: form-data; name=\"file\"; filename=\"audio.flac\"\r\nContent-Type: audio/flac\r\n\r\nfLaC-audio\r\n"))
        #expect(text.contains("name=\"model\"\r\n\r\nprovider/model\r\n"))
        #expect(text.contains("name=\"return_timestamps\"\r\n\r\ntrue\r\n"))
        #expect(text.contains("name=\"language\"\r\n\r\nen\r\n"))
        #expect(text.hasSuffix(boundary + "--\r\n"))
    }

    @Test("a multipart field a caller names cannot start a new part")
    func multipartInjection() {
        let form = MultipartForm([.field(name: "a\"\r\nX: 1", value: "v")])
        #expect(String(decoding: form.encoded(), as: UTF8.self).contains("name=\"a%22%0D%0AX: 1\""))
    }

    @Test("nscale: size as WxH, no step count; Hyperbolic: 512×512 unless given")
    func imageProviders() throws {
        #expect(try Self.url(.nscale, .textToImage) == "https://router.huggingface.co/nscale/v1/images/generations")
        let parameters = GenerationParameters(width: 768, height: 512, numInferenceSteps: 4, seed: 1)
        let payload = TaskPayload(json: MultimodalAPI.body(inputs: "a fox", parameters.members()))
        let nscale = try #require(try Self.adapter(.nscale, .textToImage).body(for: payload, model: Self.model).json)
        #expect(nscale == ["response_format": "b64_json", "prompt": "a fox", "model": "provider/model", "size": "768x512", "seed": 1])
        let hyperbolic = try #require(try Self.adapter(.hyperbolic, .textToImage).body(for: TaskPayload(json: MultimodalAPI.body(inputs: "a fox", [])), model: Self.model).json)
        #expect(hyperbolic == ["prompt": "a fox", "model_name": "provider/model", "width": 512, "height": 512])
    }

    @Test("fal: text-to-speech sends `text`; a size becomes `image_size`; the route is the provider's id")
    func fal() throws {
        #expect(try Self.url(.falAI, .textToSpeech) == "https://router.huggingface.co/fal-ai/provider/model")
        let speech = try #require(try Self.adapter(.falAI, .textToSpeech).body(for: TaskPayload(json: MultimodalAPI.body(inputs: "Hi", [])), model: Self.model).json)
        #expect(speech == ["text": "Hi"])
        let sized = TaskPayload(json: MultimodalAPI.body(inputs: "a fox", GenerationParameters(width: 1024, height: 768).members()))
        let image = try #require(try Self.adapter(.falAI, .textToImage).body(for: sized, model: Self.model).json)
        #expect(image == ["prompt": "a fox", "image_size": ["width": 1024, "height": 768]])
    }

    @Test("Novita's text-to-video: the prompt and parameters on /v3/hf/{id}; Replicate's on its predictions")
    func video() throws {
        #expect(try Self.url(.novita, .textToVideo) == "https://router.huggingface.co/novita/v3/hf/provider/model")
        let payload = TaskPayload(json: MultimodalAPI.body(inputs: "a fox running", GenerationParameters(numInferenceSteps: 20).members()))
        let novita = try #require(try Self.adapter(.novita, .textToVideo).body(for: payload, model: Self.model).json)
        #expect(novita == ["prompt": "a fox running", "num_inference_steps": 20])
        let replicate = try #require(try Self.adapter(.replicate, .textToVideo).body(for: payload, model: Self.model).json)
        #expect(replicate == ["input": ["prompt": "a fox running", "num_inference_steps": 20]])
    }

    @Test("a LoRA mapping adds its weights: fal's `loras` (and `model_name` for fal-ai/lora), Replicate's `lora_weights`")
    func lora() throws {
        let lora = TaskModel.LoRA(repositoryURL: "https://huggingface.co/user/flux-lora", weightsURL: "https://huggingface.co/user/flux-lora/resolve/main/lora.safetensors")
        let model = TaskModel(asGiven: "user/flux-lora", hubID: "user/flux-lora", providerID: "fal-ai/lora", lora: lora)
        let payload = TaskPayload(json: MultimodalAPI.body(inputs: "a fox", []))
        let fal = try #require(try Self.adapter(.falAI, .textToImage).body(for: payload, model: model).json)
        #expect(fal["loras"] == [["path": .string(lora.weightsURL), "scale": 1]])
        #expect(fal["model_name"] == "stabilityai/stable-diffusion-xl-base-1.0")
        let replicate = try #require(try Self.adapter(.replicate, .textToImage).body(for: payload, model: model).json)
        #expect(replicate["input"]?["lora_weights"] == .string(lora.repositoryURL))
    }

    @Test("Replicate: a model without a version posts to its own predictions route; speech and images as data URIs")
    func replicate() throws {
        #expect(try Self.url(.replicate, .automaticSpeechRecognition) == "https://router.huggingface.co/replicate/v1/models/provider/model/predictions")
        let adapter = try Self.adapter(.replicate, .automaticSpeechRecognition)
        #expect(adapter.headers["Prefer"] == "wait")
        let asr = try #require(try adapter.body(for: TaskPayload(json: MultimodalAPI.body(inputs: nil, []), media: Self.audio), model: Self.model).json)
        #expect(asr == ["input": ["audio": .string(Self.audio.dataURI)]])
        let png = TaskMedia(data: Data([0x89, 0x50]), contentType: "image/png")
        let edit = try #require(try Self.adapter(.replicate, .imageToImage).body(for: TaskPayload(json: MultimodalAPI.body(inputs: nil, [("prompt", "sketch")]), media: png), model: Self.model).json)
        let input = try #require(edit["input"]?.objectValue)
        #expect(input["image"] == .string(png.dataURI) && input["input_images"] == [.string(png.dataURI)] && input["prompt"] == "sketch")
    }

    @Test("hf-inference: a file alone is the raw body; with parameters, base64 in `inputs`")
    func binaryInputRule() throws {
        let adapter = try Self.adapter(.hfInference, .imageClassification)
        let png = TaskMedia(data: Data([0x89, 0x50, 0x4E, 0x47]), contentType: "image/png")
        guard case .media(let raw) = try adapter.body(for: TaskPayload(json: MultimodalAPI.body(inputs: nil, [("top_k", nil)]), media: png), model: Self.model) else {
            Issue.record("not raw")
            return
        }
        #expect(raw == png)
        let json = try #require(try adapter.body(for: TaskPayload(json: MultimodalAPI.body(inputs: nil, [("top_k", 3)]), media: png), model: Self.model).json)
        #expect(json == ["inputs": .string(png.data.base64EncodedString()), "parameters": ["top_k": 3]])
        #expect(adapter.url(base: URL(string: "https://router.huggingface.co/hf-inference")!, model: Self.model).absoluteString == "https://router.huggingface.co/hf-inference/models/org/model")
    }
}
