import Foundation

// Text-to-image on providers with an OpenAI-style images API (Together, Nebius, nscale) and on
// Hyperbolic: protocol §7.5 and §7.6. The canonical input is hf-inference's
// `{"inputs": prompt, "parameters": {…}}`; the canonical reply is the image's bytes.

extension TaskAdapter {
    /// `POST {base}{path}` with `{"prompt", …parameters, "model"}`, parameters renamed as the
    /// provider names them, answered with `data[0].b64_json` (or `data[0].url`, downloaded).
    static func openAIImages(path: String, renaming: [String: String] = [:], dropping: Set<String> = [], fixed: JSONObject = [:]) -> TaskAdapter {
        TaskAdapter(task: .textToImage, headers: ["Accept": "application/json"], reply: .openAIImageData) { base, _ in
            HFConfiguration.join(base, path)
        } payload: { payload, model in
            var body = JSONObject()
            body["prompt"] = payload.json["inputs"] ?? .string("")
            for (key, value) in fixed { body[key] = value }
            for (key, value) in payload.parameters where !dropping.contains(key) {
                body[renaming[key] ?? key] = value
            }
            body["model"] = .string(model.providerID)
            return .json(body)
        }
    }

    /// nscale: `size` as `"WxH"` instead of width and height; no step count or guidance.
    static let nscaleImages = TaskAdapter(task: .textToImage, headers: ["Accept": "application/json"], reply: .openAIImageData) { base, _ in
        HFConfiguration.join(base, "/v1/images/generations")
    } payload: { payload, model in
        var parameters = payload.parameters
        var body: JSONObject = ["response_format": "b64_json", "prompt": payload.json["inputs"] ?? .string("")]
        body["model"] = .string(model.providerID)
        if let width = parameters["width"]?.intValue, let height = parameters["height"]?.intValue {
            body["size"] = .string("\(width)x\(height)")
        }
        for key in ["width", "height", "num_inference_steps", "guidance_scale", "cfg_scale"] { parameters[key] = nil }
        for (key, value) in parameters { body[key] = value }
        return .json(body)
    }

    /// Hyperbolic's `/v1/images/generations`: `model_name`, `steps`, `cfg_scale`, and a width and
    /// height it requires (512 when not given); answered with `images[0].image` in base64.
    static let hyperbolicImages = TaskAdapter(task: .textToImage, headers: ["Accept": "application/json"], reply: .hyperbolicImage) { base, _ in
        HFConfiguration.join(base, "/v1/images/generations")
    } payload: { payload, model in
        var body: JSONObject = ["prompt": payload.json["inputs"] ?? .string("")]
        body["model_name"] = .string(model.providerID)
        let renaming = ["num_inference_steps": "steps", "guidance_scale": "cfg_scale"]
        for (key, value) in payload.parameters { body[renaming[key] ?? key] = value }
        if body["width"] == nil { body["width"] = 512 }
        if body["height"] == nil { body["height"] = 512 }
        return .json(body)
    }
}

extension ReplyConversion {
    /// `{"data": [{"b64_json": …} or {"url": …}]}`: the first image.
    static let openAIImageData = ReplyConversion { response, context in
        let json = try context.json(response)
        let first = json["data"]?.arrayValue?.first
        if let base64 = first?["b64_json"]?.stringValue { return try context.media(base64: base64, from: response) }
        if let url = first?["url"]?.stringValue { return try await context.download(url, from: response) }
        throw context.unreadable(response, "`data[0]` holds neither `b64_json` nor `url`")
    }

    /// `{"images": [{"image": base64}]}`: the first image.
    static let hyperbolicImage = ReplyConversion { response, context in
        guard let base64 = try context.json(response)["images"]?.arrayValue?.first?["image"]?.stringValue else {
            throw context.unreadable(response, "`images[0].image` is missing")
        }
        return try context.media(base64: base64, from: response)
    }
}
