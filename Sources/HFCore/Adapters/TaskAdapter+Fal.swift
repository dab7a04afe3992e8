import Foundation

// fal's tasks that answer at once (`fal.run`, routed as `{router}/fal-ai/{providerId}`): speech
// recognition, text-to-speech and text-to-image (protocol §7.3). Files go inline as data URIs;
// results come back as URLs on fal's media host, downloaded without the token. A LoRA mapping
// adds its weights to text-to-image (`loras`, §3.3).

extension TaskAdapter {
    /// `POST {base}/{providerId}` with fal's body for `task`.
    static func fal(_ task: InferenceTask) -> TaskAdapter {
        let reply: ReplyConversion
        switch task {
        case .textToImage: reply = .falFile("images[0]") { $0["images"]?.arrayValue?.first }
        case .textToSpeech: reply = .falFile("audio") { $0["audio"] }
        default: reply = .none
        }
        return TaskAdapter(task: task, headers: ["Accept": "application/json"], reply: reply) { base, model in
            HFConfiguration.join(base, "/" + model.providerID)
        } payload: { payload, model in
            var body = JSONObject()
            var parameters = payload.parameters
            switch task {
            case .automaticSpeechRecognition:
                if let media = payload.media { body["audio_url"] = .string(falAudio(media).dataURI) }
            case .textToSpeech:
                body["text"] = payload.json["inputs"] ?? .string("")
            default:
                body["prompt"] = payload.json["inputs"] ?? .string("")
                // fal sizes images with one object.
                if let width = parameters["width"], let height = parameters["height"] {
                    parameters["width"] = nil
                    parameters["height"] = nil
                    parameters["image_size"] = ["width": width, "height": height]
                }
            }
            for (key, value) in parameters { body[key] = value }
            if task == .textToImage, let lora = model.lora {
                body["loras"] = [["path": .string(lora.weightsURL), "scale": 1]]
                if model.providerID == "fal-ai/lora" { body["model_name"] = "stabilityai/stable-diffusion-xl-base-1.0" }
            }
            return .json(body)
        }
    }

    /// The audio relabelled as fal accepts it (after the JavaScript client's table); other
    /// formats are labelled `audio/mpeg`, as the Python client labels everything, and fal reads
    /// the bytes.
    private static func falAudio(_ media: TaskMedia) -> TaskMedia {
        let accepted = ["audio/mpeg": "audio/mpeg", "audio/mp3": "audio/mpeg", "audio/mp4": "audio/mp4", "audio/wav": "audio/x-wav", "audio/x-wav": "audio/x-wav", "audio/webm": "video/webm", "video/webm": "video/webm"]
        return TaskMedia(data: media.data, contentType: accepted[media.contentType] ?? "audio/mpeg")
    }
}

extension ReplyConversion {
    /// fal's file result (`{"url", "content_type"}`), found by `file` in the reply and named
    /// `name` in errors, downloaded.
    static func falFile(_ name: String, _ file: @escaping @Sendable (JSONValue) -> JSONValue?) -> ReplyConversion {
        ReplyConversion { response, context in
            let found = file(try context.json(response))
            guard let url = found?["url"]?.stringValue else {
                throw context.unreadable(response, "`\(name)` holds no file URL")
            }
            return try await context.download(url, declaredType: found?["content_type"]?.stringValue, from: response)
        }
    }
}
