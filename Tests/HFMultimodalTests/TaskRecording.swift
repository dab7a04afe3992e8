import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFMultimodal

/// A recorded task case, served on loopback: the inference call (the first POST), what it
/// uploaded, and a client pointed at the server. Legacy cases were recorded on
/// `api-inference.huggingface.co/models/{id}`, which is hf-inference's route shape, so the client's
/// hf-inference base URL is moved there for them.
struct TaskRecording {
    let recorded: RecordedCase
    let server: ReplayServer
    let client: HFClient

    init(_ file: String, configure: (inout HFConfiguration) -> Void = { _ in }) throws {
        recorded = try RecordedCase.load(file)
        let server = try ReplayServer()
        server.serve(case: recorded)
        self.server = server
        client = HFClient.replaying(server) { configuration in
            configuration.providerBaseURLs[.hfInference] = server.url(forHost: "api-inference.huggingface.co")
            if recorded.interactions.contains(where: { $0.request.url.host == "router.huggingface.co" }) {
                configuration.providerBaseURLs[.hfInference] = nil
            }
            configure(&configuration)
        }
    }

    /// The inference call: the first POST.
    var inference: RecordedInteraction {
        recorded.interactions.first { $0.request.method == "POST" }!
    }

    /// The model id in the inference call's `/models/{id}` path.
    var model: ModelID {
        let path = inference.request.url.path
        return ModelID(rawValue: String(path[path.range(of: "/models/")!.upperBound...]))
    }

    /// The recorded request's JSON body.
    var requestJSON: [String: Any] {
        (try? JSONSerialization.jsonObject(with: inference.request.body ?? Data())) as? [String: Any] ?? [:]
    }

    /// The file the recorded call uploaded: the raw body, or the base64 in `inputs` or `image`
    /// (the JSON forms, older ones included).
    var upload: Data {
        if inference.request.isBinary { return inference.request.body! }
        let json = requestJSON
        let nested = json["inputs"] as? [String: Any]
        let text = (json["inputs"] as? String) ?? (nested?["image"] as? String) ?? (json["image"] as? String) ?? (json["audio_url"] as? String) ?? ""
        if let comma = text.firstIndex(of: ","), text.hasPrefix("data:") { return Data(base64Encoded: String(text[text.index(after: comma)...]))! }
        return Data(base64Encoded: text)!
    }

    /// The recorded response's body parsed by Foundation: the reference for what we decode.
    var responseJSON: Any {
        try! JSONSerialization.jsonObject(with: inference.response.body)
    }

    /// The one request our client sent to the inference route.
    func sentInference() throws -> ReceivedRequest {
        let posts = server.requests.filter { $0.method == "POST" }
        try #require(posts.count == 1, "expected one POST, got \(posts.map(\.description))")
        return posts[0]
    }

    /// The inference route's path on the replay server (host first).
    var inferencePath: String {
        "/" + inference.request.url.path.drop { $0 == "/" }
    }
}

/// `(label, score)` pairs of a Foundation-parsed `[{label, score}]`.
func labelPairs(_ json: Any) -> [(String, Double)] {
    (json as! [[String: Any]]).map { ($0["label"] as! String, ($0["score"] as! NSNumber).doubleValue) }
}

extension Array where Element == ClassificationLabel {
    var pairs: [String] { map { "\($0.label)=\($0.score)" } }
}

func pairs(_ values: [(String, Double)]) -> [String] {
    values.map { "\($0.0)=\($0.1)" }
}
