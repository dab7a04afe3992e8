import Foundation

// Video generation that answers in one exchange: Novita's Hugging Face route, as the Python client
// calls it (protocol §7.6). Replicate's text-to-video goes through its prediction adapter.

extension TaskAdapter {
    /// `POST {base}/v3/hf/{providerId}` with `{"prompt", …parameters}`, answered with
    /// `{"video": {"video_url"}}`, which is downloaded without credentials.
    static let novitaVideo = TaskAdapter(task: .textToVideo, headers: ["Accept": "application/json"], reply: .novitaVideo) { base, model in
        HFConfiguration.join(base, "/v3/hf/" + model.providerID)
    } payload: { payload, _ in
        var body: JSONObject = ["prompt": payload.json["inputs"] ?? .string("")]
        for (key, value) in payload.parameters { body[key] = value }
        return .json(body)
    }
}

extension ReplyConversion {
    /// `{"video": {"video_url": …}}`: the video, downloaded.
    static let novitaVideo = ReplyConversion { response, context in
        guard let url = try context.json(response)["video"]?["video_url"]?.stringValue else {
            throw context.unreadable(response, "`video.video_url` is missing")
        }
        return try await context.download(url, from: response)
    }
}
