import Foundation
import HFCore

/// Knobs of image, video and audio generation. Every one is optional: a provider uses its model's
/// defaults for what you leave out, and each provider's adapter renames what it names differently
/// (Together's `steps`, fal's `image_size`, nscale's `size`).
///
/// ```swift
/// var parameters = GenerationParameters(width: 1024, height: 768)
/// parameters.seed = 42
/// parameters.extra["output_format"] = "png"       // anything else the provider accepts
/// let image = try await client.multimodal.textToImage("a lighthouse at dusk", model: "black-forest-labs/FLUX.1-schnell", parameters: parameters)
/// ```
public struct GenerationParameters: Sendable, Hashable {
    /// What the result should not show or sound like.
    public var negativePrompt: String?
    /// The size of an image or video, in pixels.
    public var width: Int?
    /// The height of an image or video, in pixels.
    public var height: Int?
    /// Denoising steps: more is slower and usually finer.
    public var numInferenceSteps: Int?
    /// How closely to follow the prompt; higher is closer and less varied.
    public var guidanceScale: Double?
    /// Makes a result repeatable on the same model and provider.
    public var seed: Int?
    /// The sampler, by the model's name for it.
    public var scheduler: String?
    /// Frames of a video.
    public var numFrames: Int?
    /// Further parameters, sent as they are (a provider's own knobs, a voice for speech).
    public var extra: JSONObject

    /// Creates parameters; each one left `nil` keeps the model's default.
    public init(
        negativePrompt: String? = nil, width: Int? = nil, height: Int? = nil, numInferenceSteps: Int? = nil,
        guidanceScale: Double? = nil, seed: Int? = nil, scheduler: String? = nil, numFrames: Int? = nil, extra: JSONObject = [:]
    ) {
        self.negativePrompt = negativePrompt
        self.width = width
        self.height = height
        self.numInferenceSteps = numInferenceSteps
        self.guidanceScale = guidanceScale
        self.seed = seed
        self.scheduler = scheduler
        self.numFrames = numFrames
        self.extra = extra
    }

    func validate() throws(HFError) {
        guard (width == nil) == (height == nil) else {
            throw .validation(field: width == nil ? "width" : "height", "give the width and the height together, or neither")
        }
        try Validation.positive(width, field: "width")
        try Validation.positive(height, field: "height")
        try Validation.positive(numInferenceSteps, field: "numInferenceSteps")
        try Validation.positive(numFrames, field: "numFrames")
        try Validation.range(guidanceScale, field: "guidanceScale", in: 0...100)
        try Validation.finite(.object(extra), field: "extra")
    }

    /// The parameters as hf-inference names them; an image-to-image call sizes its result with
    /// `target_size` instead of `width` and `height`.
    func members(sizedAsTarget: Bool = false) -> [(String, JSONValue?)] {
        let int: (Int?) -> JSONValue? = { $0.map { .integer(Int64($0)) } }
        var members: [(String, JSONValue?)] = [
            ("negative_prompt", negativePrompt.map(JSONValue.string)),
            ("num_inference_steps", int(numInferenceSteps)),
            ("guidance_scale", guidanceScale.map(JSONValue.double)),
            ("seed", int(seed)),
            ("scheduler", scheduler.map(JSONValue.string)),
            ("num_frames", int(numFrames)),
        ]
        if sizedAsTarget {
            if let width, let height { members.append(("target_size", ["width": .integer(Int64(width)), "height": .integer(Int64(height))])) }
        } else {
            members += [("width", int(width)), ("height", int(height))]
        }
        return members
    }
}
