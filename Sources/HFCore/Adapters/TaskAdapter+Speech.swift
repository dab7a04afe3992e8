import Foundation

// OpenAI-style audio routes (Together, DeepInfra): speech synthesis answered with audio bytes,
// and transcription as a multipart upload answered with `{"text", "segments"?}` (protocol §7.5,
// §7.6).

extension TaskAdapter {
    /// `POST {base}{path}` with `{"input": text, "model", …parameters}` (`voice` among them).
    static func openAISpeech(path: String) -> TaskAdapter {
        TaskAdapter(task: .textToSpeech, headers: ["Accept": "*/*"]) { base, _ in
            HFConfiguration.join(base, path)
        } payload: { payload, model in
            var body: JSONObject = ["input": payload.json["inputs"] ?? .string("")]
            body["model"] = .string(model.providerID)
            for (key, value) in payload.parameters { body[key] = value }
            return .json(body)
        }
    }

    /// `POST {base}{path}` as `multipart/form-data`: the audio as `file` (named `audio.{ext}`,
    /// `wav` when the type is unknown, as the Python client names it), the
    /// model, then each parameter as text (booleans as `true`/`false`, lists and objects as JSON).
    static func openAITranscription(path: String) -> TaskAdapter {
        TaskAdapter(task: .automaticSpeechRecognition, headers: ["Accept": "application/json"]) { base, _ in
            HFConfiguration.join(base, path)
        } payload: { (payload, model) throws(HFError) in
            guard let media = payload.media else {
                throw HFError.validation(field: "audio", "is missing; transcription needs the audio file")
            }
            var form = MultipartForm()
            let ext = MediaSniffer.fileExtension(for: media.contentType)
            form.parts.append(.file(name: "file", filename: "audio." + (ext == "bin" ? "wav" : ext), media: media))
            form.parts.append(.field(name: "model", value: model.providerID))
            for (key, value) in payload.parameters {
                form.parts.append(.field(name: key, value: value.stringValue ?? value.description))
            }
            return .multipart(form)
        }
    }
}
