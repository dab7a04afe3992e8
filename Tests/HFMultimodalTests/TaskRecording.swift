import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFMultimodal

/// A recorded task case, served on loopback: the inference call (the first POST), what it
/// uploaded, and a client pointed at the server. Legacy cases were recorded on
/// `api-inference.huggingface.co/models/{id}`, which is hf-inference's route shape, so the client's
/// hf-inference base URL is moved there for them. Cases recorded on the retired
/// `/pipeline/{task}/{id}` routes are served on today's `/hf-inference/models/{id}` instead.
struct TaskRecording {
    let recorded: RecordedCase
    let server: ReplayServer
    let client: HFClient

    init(_ file: String, configure: (inout HFConfiguration) -> Void = { _ in }) throws {
        let recorded = try RecordedCase.load(file)
        let server = try ReplayServer()
        server.serve(case: recorded)
        let post = recorded.interactions.first { $0.request.method == "POST" }
        if let post, let range = post.request.url.path.range(of: #"/pipeline/[a-z-]+/"#, options: .regularExpression) {
            let model = post.request.url.path[range.upperBound...]
            server.serve(post, at: Route(method: "POST", host: "router.huggingface.co", path: "/hf-inference/models/\(model)"))
        }
        let legacy = recorded.interactions.contains { $0.request.url.path.hasPrefix("/models/") && $0.request.url.host == "api-inference.huggingface.co" }
        self.recorded = recorded
        self.server = server
        client = HFClient.replaying(server) { configuration in
            if legacy { configuration.providerBaseURLs[.hfInference] = server.url(forHost: "api-inference.huggingface.co") }
            configure(&configuration)
        }
    }

    /// The inference call: the first POST.
    var inference: RecordedInteraction {
        recorded.interactions.first { $0.request.method == "POST" }!
    }

    /// The model id in the inference call's `/models/{id}` (or `/pipeline/{task}/{id}`) path.
    var model: ModelID {
        let path = inference.request.url.path
        let range = path.range(of: "/models/") ?? path.range(of: #"/pipeline/[a-z-]+/"#, options: .regularExpression)!
        return ModelID(rawValue: String(path[range.upperBound...]))
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

    /// The recorded response's body parsed by `JSONSerialization`, for its structure (not its
    /// numbers: see ``reference(_:)``).
    var responseJSON: Any {
        try! JSONSerialization.jsonObject(with: inference.response.body)
    }

    /// The one request our client sent to the inference route.
    func sentInference() throws -> ReceivedRequest {
        let posts = server.requests.filter { $0.method == "POST" }
        try #require(posts.count == 1, "expected one POST, got \(posts.map(\.description))")
        return posts[0]
    }

    /// The inference route's path, as the replay server reports it (without the host).
    var inferencePath: String {
        "/" + inference.request.url.path.drop { $0 == "/" }
    }

    /// The recorded response's body decoded by Foundation's `JSONDecoder` (whose number parsing
    /// is exact; `JSONSerialization`'s is not on Linux): the reference for what we decode.
    func reference<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(type, from: inference.response.body)
    }
}

/// A `{label, score}` as Foundation reads it.
struct ReferenceLabel: Decodable {
    let label: String
    let score: Double
}

/// `label=score` texts of reference labels.
func pairs(_ labels: [ReferenceLabel]) -> [String] {
    labels.map { "\($0.label)=\($0.score)" }
}

extension Array where Element == ClassificationLabel {
    var pairs: [String] { map { "\($0.label)=\($0.score)" } }
}

extension ReferenceLabel {
    /// A `{answer, score}` as Foundation reads it.
    struct Answer: Decodable {
        let answer: String
        let score: Double
    }

    /// A `{label, score?}` as Foundation reads it.
    struct Optional: Decodable {
        let label: String
        let score: Double?
    }
}
