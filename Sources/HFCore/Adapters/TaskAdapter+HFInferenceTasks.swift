import Foundation

// hf-inference's per-model route for every task that is not chat, text generation or embeddings,
// and the same bodies posted to a dedicated Inference Endpoint: protocol §7.1.

extension TaskAdapter {
    /// `POST {base}/models/{id}` with hf-inference's body for `task`.
    static func hfInferenceTask(_ task: InferenceTask) -> TaskAdapter {
        TaskAdapter(task: task, usesMapping: false, reply: task == .textToImage ? .imageInJSON : .none) { base, model in
            HFConfiguration.join(base, "/models/\(model.hubID)")
        } payload: { payload, _ in
            huggingFaceBody(payload)
        }
    }

    /// An Inference Endpoint or another server speaking hf-inference's task bodies: the URL is used
    /// as given.
    static func huggingFaceTaskEndpoint(_ task: InferenceTask) -> TaskAdapter {
        TaskAdapter(task: task, usesMapping: false, reply: task == .textToImage ? .imageInJSON : .none) { base, _ in base } payload: { payload, _ in
            huggingFaceBody(payload)
        }
    }

    /// The binary-input rule: a file with nothing else to say is sent as the raw body, with its
    /// media type; otherwise the body is JSON, the file base64 in `inputs` unless the task put it
    /// elsewhere (visual and document question answering nest it with the question).
    static func huggingFaceBody(_ payload: TaskPayload) -> TaskBody {
        guard let media = payload.media else { return .json(payload.json) }
        let onlyEmptyParameters = payload.json.allSatisfy { $0.key == "parameters" } && payload.parameters.isEmpty
        if payload.json["inputs"] == nil, onlyEmptyParameters { return .media(media) }
        var body = JSONObject()
        if payload.json["inputs"] == nil { body["inputs"] = .string(media.data.base64EncodedString()) }
        for (key, value) in payload.json { body[key] = value }
        return .json(body)
    }
}

extension ReplyConversion {
    /// Image bytes as they are; an image a server wrapped in JSON (`{"data": [{"b64_json"}]}` or
    /// `{"output": [url]}`, which the JavaScript client accepts from text-to-image servers)
    /// unwrapped; any other JSON left for the API group to report.
    static let imageInJSON = ReplyConversion { response, context in
        guard response.headers["Content-Type"]?.lowercased().hasPrefix("application/json") == true,
              let json = try? JSONParser.parse(response.body)
        else { return response }
        if let base64 = json["data"]?.arrayValue?.first?["b64_json"]?.stringValue {
            return try context.media(base64: base64, from: response)
        }
        if let url = json["output"]?.arrayValue?.first?.stringValue {
            return try await context.download(url, from: response)
        }
        return response
    }
}
