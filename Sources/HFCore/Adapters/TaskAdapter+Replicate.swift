import Foundation

// Replicate's predictions with `Prefer: wait`, which answer at once when the model finishes
// within Replicate's wait window (protocol §7.4).

extension TaskAdapter {
    /// `POST {base}/v1/models/{owner}/{name}/predictions`, or `POST {base}/v1/predictions` with
    /// `version` when the provider's id pins one (`owner/name:version`); the input is
    /// `{"prompt": …, …parameters}` (`text` for text-to-speech, `audio` as a data URI for speech
    /// recognition, the image under each name image models use for image-to-image; a LoRA
    /// mapping's repository as `lora_weights` for text-to-image).
    static func replicate(_ task: InferenceTask) -> TaskAdapter {
        TaskAdapter(task: task, headers: ["Prefer": "wait", "Accept": "application/json"], reply: .replicatePrediction(task)) { base, model in
            model.providerID.contains(":")
                ? HFConfiguration.join(base, "/v1/predictions")
                : HFConfiguration.join(base, "/v1/models/\(model.providerID)/predictions")
        } payload: { payload, model in
            var input = JSONObject()
            switch task {
            case .automaticSpeechRecognition:
                if let media = payload.media { input["audio"] = .string(media.dataURI) }
            case .textToSpeech:
                input["text"] = payload.json["inputs"] ?? .string("")
            case .imageToImage:
                if let media = payload.media {
                    let uri = JSONValue.string(media.dataURI)
                    for key in ["image", "input_image"] { input[key] = uri }
                    for key in ["images", "input_images"] { input[key] = [uri] }
                }
                if let prompt = payload.json["inputs"] { input["prompt"] = prompt }
            default:
                input["prompt"] = payload.json["inputs"] ?? .string("")
            }
            for (key, value) in payload.parameters { input[key] = value }
            if task == .textToImage, let lora = model.lora { input["lora_weights"] = .string(lora.repositoryURL) }
            var body: JSONObject = ["input": .object(input)]
            if let colon = model.providerID.firstIndex(of: ":") {
                body["version"] = .string(String(model.providerID[model.providerID.index(after: colon)...]))
            }
            return .json(body)
        }
    }
}

extension ReplyConversion {
    /// A prediction: failed ones become the error they report; one still running when the wait
    /// ran out (`output: null`) becomes a timeout that says the model may be starting; a finished
    /// one yields its output: a file URL (or the first of a list), downloaded, or for speech
    /// recognition the transcription. The status alone does not decide: Replicate answers
    /// `processing` with the output already there.
    static func replicatePrediction(_ task: InferenceTask) -> ReplyConversion {
        ReplyConversion { response, context in
            let prediction = try context.json(response)
            let status = prediction["status"]?.stringValue ?? ""
            let id = prediction["id"]?.stringValue.map { " \($0.prefix(64))" } ?? ""
            if status == "failed" || status == "canceled" {
                let reported = prediction["error"].flatMap { $0.stringValue ?? ($0.isNull ? nil : $0.description) }.map { String($0.prefix(500)) } ?? "no reason given"
                var error = HFError(
                    category: .api, message: "Replicate reports the prediction\(id) \(status): \(reported)",
                    recoverySuggestion: "Check the input and parameters against the model's page on Replicate, then try again."
                )
                error.requestID = response.headers["X-Request-Id"]
                throw error
            }
            guard let output = prediction["output"], !output.isNull else {
                // Still running on Replicate's side (and billed there): a retry starts another.
                throw HFError.timeout("Replicate did not finish the prediction\(id) within its wait window (status \"\(status.isEmpty ? "unknown" : String(status.prefix(40)))\"); the model may be starting up, and the prediction may still finish on Replicate. Try again in a minute.")
            }
            if task == .automaticSpeechRecognition {
                if let file = output["txt_file"]?.stringValue {
                    let text = try await context.download(file, declaredType: "text/plain", from: response)
                    return try transcription(.string(String(decoding: text.body, as: UTF8.self)), response: response, context: context)
                }
                return try transcription(output, response: response, context: context)
            }
            guard let url = output.stringValue ?? output.arrayValue?.first?.stringValue else {
                throw context.unreadable(response, "`output` is neither a URL nor a list of URLs")
            }
            return try await context.download(url, from: response)
        }
    }

    /// Replicate's speech models answer with the text, a list of segments, or an object holding
    /// `transcription` or `translation` (or `txt_file`, a URL of the text, fetched before this):
    /// made into the canonical `{"text": …}`.
    private static func transcription(_ output: JSONValue, response: HTTPResponse, context: ReplyContext) throws(HFError) -> HTTPResponse {
        let text: String
        if let string = output.stringValue {
            text = string
        } else if let object = output.objectValue, let found = (object["transcription"] ?? object["translation"] ?? object["text"])?.stringValue {
            text = found
        } else if let segments = output.arrayValue {
            text = segments.compactMap { $0.stringValue ?? $0["text"]?.stringValue }.joined()
        } else {
            throw context.unreadable(response, "`output` holds no transcription")
        }
        let body: JSONValue = ["text": .string(text)]
        return HTTPResponse(head: HTTPResponseHead(status: 200, headers: ["Content-Type": "application/json"]), body: Data(body.description.utf8))
    }
}
