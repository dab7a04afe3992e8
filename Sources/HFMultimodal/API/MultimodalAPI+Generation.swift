import Foundation
import HFCore

// Image and video generation: text-to-image, image-to-image, text-to-video and image-to-video. The
// result is the file's bytes, whether the provider sent them, sent base64, or sent a URL (which is
// downloaded without your token).

extension MultimodalAPI {
    /// An image made from a prompt.
    ///
    /// ```swift
    /// let image = try await client.multimodal.textToImage("An astronaut riding a horse on the moon.", model: "stabilityai/stable-diffusion-xl-base-1.0", via: .provider(.together))
    /// try image.write(to: URL(fileURLWithPath: "astronaut.\(image.fileExtension)"))
    /// ```
    public func textToImage(
        _ prompt: String, model: ModelID, parameters: GenerationParameters = GenerationParameters(),
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> MediaOutput {
        try await generate(.textToImage, from: prompt, model: model, parameters: parameters, via: destination, accept: "image/png")
    }

    /// An image made from another, guided by a prompt when given.
    ///
    /// ```swift
    /// let sketch = try await client.multimodal.imageToImage(.file(photo), prompt: "as a pencil sketch", model: "timbrooks/instruct-pix2pix")
    /// ```
    ///
    /// With neither a prompt nor parameters, hf-inference receives the image as the raw body.
    public func imageToImage(
        _ image: MediaInput, prompt: String? = nil, model: ModelID, parameters: GenerationParameters = GenerationParameters(),
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> MediaOutput {
        try await generate(.imageToImage, from: image, prompt: prompt, model: model, parameters: parameters, via: destination, accept: "image/png")
    }

    /// A video made from a prompt.
    public func textToVideo(
        _ prompt: String, model: ModelID, parameters: GenerationParameters = GenerationParameters(),
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> MediaOutput {
        try await generate(.textToVideo, from: prompt, model: model, parameters: parameters, via: destination, accept: "video/*")
    }

    /// A video made from an image, guided by a prompt when given.
    public func imageToVideo(
        _ image: MediaInput, prompt: String? = nil, model: ModelID, parameters: GenerationParameters = GenerationParameters(),
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> MediaOutput {
        try await generate(.imageToVideo, from: image, prompt: prompt, model: model, parameters: parameters, via: destination, accept: "video/*")
    }

    /// A file generated from a prompt: `{"inputs": prompt, "parameters"}`.
    private func generate(
        _ task: InferenceTask, from prompt: String, model: ModelID, parameters: GenerationParameters,
        via destination: TaskDestination, accept: String
    ) async throws(HFError) -> MediaOutput {
        try Validation.nonBlank(prompt, field: "prompt")
        try parameters.validate()
        let input = Self.body(inputs: .string(prompt), parameters.members(), extra: parameters.extra)
        return try await media(task, model: model, via: destination, input: input, accept: accept)
    }

    /// A file generated from an image: the image as the input, the prompt among the parameters
    /// and the size as `target_size`, as hf-inference takes them.
    private func generate(
        _ task: InferenceTask, from image: MediaInput, prompt: String?, model: ModelID, parameters: GenerationParameters,
        via destination: TaskDestination, accept: String
    ) async throws(HFError) -> MediaOutput {
        try parameters.validate()
        let input = Self.body(inputs: nil, [("prompt", prompt.map(JSONValue.string))] + parameters.members(sizedAsTarget: true), extra: parameters.extra)
        return try await media(task, model: model, via: destination, input: input, media: image, accept: accept)
    }
}
