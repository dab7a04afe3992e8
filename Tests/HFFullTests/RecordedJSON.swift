import Foundation
import HFFull
import HFReplay
import HFTestSupport
import Testing

/// One JSON body of the recordings (a request, a reply, or one event of a stream), with what it is.
struct RecordedJSON: Sendable, CustomTestStringConvertible {
    enum Kind: Hashable, Sendable {
        case chatRequest, invalidChatRequest, chatReply, chatStreamEvent
        case taskReply(TaskReply)
        case notModelled(String)
    }

    let stem: String
    let place: String
    let data: Data
    let kind: Kind

    var testDescription: String { "\(stem) \(place)" }

    /// Why the other bodies are not round-tripped: each is one of these.
    static let reasons: Set<String> = [
        "no body", "binary media", "error reply", "Hub model information (ModelInfo reads a subset)",
        "task payload built inside the API calls, not a public request type",
        "a text the API returns as a String", "the zero-shot form, read into [ClassificationLabel]",
        "a provider's job or media envelope, read into MediaOutput", "a legacy task the API does not offer",
    ]

    /// Members the reply types leave out on purpose (decision D70): providers' extras that no
    /// caller of this package reads. Chat members are not confused with task members: no chat
    /// reply has a top-level `inferred_languages`, no task reply a `usage`. Paths are `.`-separated, with `[]` for "each element".
    static let unmodelled: Set<String> = [
        // Providers' extras on the reply: the prompt echoed (novita), timings (cerebras), content
        // filter reports, the sampling seed, vLLM's stop reason beside `finish_reason`, a
        // completion-style `text` and the token id of each streamed delta (hf-inference).
        "prompt", "time_info",
        "choices[].content_filter_results", "choices[].seed", "choices[].text", "choices[].delta.token_id",
        // sambanova's timings and counters beside the three token counts.
        "usage.stop_reason", "usage.is_last_response", "usage.start_time", "usage.end_time", "usage.time_to_first_token",
        "usage.total_latency", "usage.total_tokens_per_sec", "usage.completion_tokens_per_sec",
        "usage.completion_tokens_after_first_per_sec", "usage.completion_tokens_after_first_per_sec_first_ten",
        // fal's speech recognition extras: the languages heard and (empty) speaker turns.
        "inferred_languages", "diarization_segments",
    ]

    static let all: [RecordedJSON] = {
        guard let cases = try? RecordedCase.all() else { return [] }
        return cases.flatMap { recorded in
            recorded.interactions.enumerated().flatMap { index, interaction in
                bodies(of: interaction, stem: recorded.fileStem, index: index)
            }
        }
    }()

    static func bodies(_ kind: Kind) -> [RecordedJSON] {
        all.filter { $0.kind == kind }
    }

    static var taskReplies: [RecordedJSON] {
        all.filter { if case .taskReply = $0.kind { true } else { false } }
    }

    private static func bodies(of interaction: RecordedInteraction, stem: String, index: Int) -> [RecordedJSON] {
        let request = interaction.request, response = interaction.response
        let isChat = request.method == "POST" && request.url.path.hasSuffix("/chat/completions")
        var found: [RecordedJSON] = []
        // The request.
        let requestKind: Kind
        if request.body?.isEmpty != false {
            requestKind = .notModelled("no body")
        } else if request.isBinary {
            requestKind = .notModelled("binary media")
        } else if isChat {
            let messages = (try? request.jsonBody())?["messages"]
            requestKind = messages?.arrayValue == nil ? .invalidChatRequest : .chatRequest
        } else {
            requestKind = .notModelled("task payload built inside the API calls, not a public request type")
        }
        found.append(RecordedJSON(stem: stem, place: "#\(index) request", data: request.body ?? Data(), kind: requestKind))
        // The reply, or each event of a streamed one.
        if response.isBinary || response.body.isEmpty {
            found.append(RecordedJSON(stem: stem, place: "#\(index) reply", data: response.body, kind: .notModelled(response.body.isEmpty ? "no body" : "binary media")))
        } else if !(200..<300).contains(response.status) {
            found.append(RecordedJSON(stem: stem, place: "#\(index) reply", data: response.body, kind: .notModelled("error reply")))
        } else if isChat && response.contentType?.hasPrefix("text/event-stream") == true {
            for (number, event) in events(response.body).enumerated() {
                found.append(RecordedJSON(stem: stem, place: "#\(index) event \(number)", data: event, kind: .chatStreamEvent))
            }
        } else if isChat {
            found.append(RecordedJSON(stem: stem, place: "#\(index) reply", data: response.body, kind: .chatReply))
        } else if request.method == "GET" && request.url.path.hasPrefix("/api/models/") {
            found.append(RecordedJSON(stem: stem, place: "#\(index) reply", data: response.body, kind: .notModelled("Hub model information (ModelInfo reads a subset)")))
        } else {
            found.append(RecordedJSON(stem: stem, place: "#\(index) reply", data: response.body, kind: TaskReply.kind(stem: stem, path: request.url.path)))
        }
        return found
    }

    /// The `data` of each event of a stream, but `[DONE]`.
    private static func events(_ body: Data) -> [Data] {
        String(decoding: body, as: UTF8.self).components(separatedBy: "\n\n").compactMap { event in
            let data = event.split(separator: "\n").filter { $0.hasPrefix("data:") }.map { $0.dropFirst(5).drop { $0 == " " } }.joined(separator: "\n")
            return data.isEmpty || data == "[DONE]" ? nil : Data(data.utf8)
        }
    }

    /// Decodes the body as `Value` with Foundation's decoder, encodes it again, and expects the same
    /// JSON but for ``unmodelled`` members and `null`s. With `floatPrecision`, numbers compare as the `Float`s they decode to (embeddings).
    func expectRoundTrip<Value: Codable & Equatable>(_ type: Value.Type, floatPrecision: Bool = false) throws {
        let value = try JSONDecoder().decode(Value.self, from: data)
        let encoded = try JSONEncoder().encode(value)
        let original = try JSONParser.parse(data)
        let again = try JSONParser.parse(encoded)
        func number(_ value: Double) -> Double { floatPrecision ? Double(Float(value)) : value }
        #expect(
            Self.canonical(again, number: number) == Self.canonical(original, dropping: Self.unmodelled, number: number),
            "\(String(decoding: encoded.prefix(2000), as: UTF8.self))"
        )
        // And what is read back is the same value.
        #expect(try JSONDecoder().decode(Value.self, from: encoded) == value)
    }

    /// `value` with keys sorted, `null` members and `dropping` paths removed, numbers as `Double`,
    /// and the two forms servers use for a tool call in the form we write: `arguments` as JSON text,
    /// `id` as a string, a bare function name as `tool_choice`'s object.
    static func canonical(_ value: JSONValue, dropping: Set<String> = [], number: (Double) -> Double, path: String = "") -> JSONValue {
        switch value {
        case .integer, .unsigned, .double:
            return .double(number(value.doubleValue ?? 0))
        case .array(let elements):
            return .array(elements.map { canonical($0, dropping: dropping, number: number, path: path + "[]") })
        case .object(let object):
            var members: [(String, JSONValue)] = []
            for key in object.keys.sorted() {
                let member = path.isEmpty ? key : "\(path).\(key)"
                guard let child = object[key], !child.isNull, !dropping.contains(member) else { continue }
                members.append((key, canonical(normalizedForm(child, at: member), dropping: dropping, number: number, path: member)))
            }
            return .object(JSONObject(members))
        default:
            return value
        }
    }

    /// The form we write for members servers send in more than one form (decision D70).
    private static func normalizedForm(_ value: JSONValue, at path: String) -> JSONValue {
        if path.hasSuffix("tool_calls[].function.arguments"), value.stringValue == nil { return .string(value.description) }
        if path.hasSuffix("tool_calls[].id"), value.stringValue == nil { return .string(value.description) }
        if path == "tool_choice", let name = value.stringValue, !["auto", "none", "required"].contains(name) {
            return ["type": "function", "function": ["name": .string(name)]]
        }
        return value
    }
}
