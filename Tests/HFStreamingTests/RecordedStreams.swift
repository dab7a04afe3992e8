import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFInference
@testable import HFStreaming

/// One recorded streamed chat, and what an independent reading of its body says it holds.
struct RecordedStream: Sendable, CustomTestStringConvertible {
    let stem: String
    /// How the client reached it: the provider's route, or hf-inference's model route.
    let provider: Provider

    var testDescription: String { stem }

    static let all: [RecordedStream] = [
        "cerebras", "fireworks-ai", "hf-inference", "hyperbolic", "nebius", "novita", "sambanova", "together",
    ].map { RecordedStream(stem: "TestInferenceClient.test_chat_completion_with_stream_\($0)_conversational", provider: Provider(rawValue: $0)) } + [
        RecordedStream(stem: "TestOpenAICompatibility.test_with_stream_true", provider: .hfInference),
        RecordedStream(stem: "legacy.InferenceClientVCRTest.test_chat_completion_with_stream", provider: .hfInference),
    ]

    var recorded: RecordedCase {
        get throws { try RecordedCase.load(stem) }
    }

    var chat: RecordedInteraction {
        get throws { try recorded.inferenceInteraction.orThrow("no POST in \(stem)") }
    }

    var body: Data {
        get throws { try chat.response.body }
    }

    /// The model id the case asked for: the Hub look-up's, else the body's.
    var model: ModelID {
        get throws {
            let recorded = try recorded
            if let hub = recorded.hubModelID { return ModelID(rawValue: hub) }
            let sent = try chat.request.jsonBody()["model"]?.stringValue
            // The legacy case sent "tgi" to the model's own URL; its Hub id is in that URL.
            if sent == "tgi" { return ModelID(rawValue: String(try chat.request.url.path.dropFirst("/models/".count).dropLast("/v1/chat/completions".count))) }
            return ModelID(rawValue: try sent.orThrow("no model in \(stem)"))
        }
    }

    /// A server answering the case on the route the client uses today (the legacy API's chat
    /// route becomes hf-inference's); `plan` applies to the streamed reply only, not the Hub look-up.
    func server(plan: ResponsePlan? = nil) throws -> ReplayServer {
        let recorded = try recorded
        let server = try ReplayServer()
        for interaction in recorded.interactions {
            if interaction.request.method != "POST" {
                server.serve(interaction, plan: ResponsePlan())
            } else if interaction.request.host == "api-inference.huggingface.co" {
                server.serve(interaction, at: Route("POST", "https://router.huggingface.co/hf-inference/models/\(try model)/v1/chat/completions"), plan: plan)
            } else {
                server.serve(interaction, plan: plan)
            }
        }
        return server
    }

    /// The request the case made, as our client builds it.
    var request: ChatCompletionRequest {
        get throws {
            let sent = try chat.request.jsonBody()
            let messages = sent.textMessages.map { ChatMessage(role: ChatRole(rawValue: $0.role), content: .text($0.content)) }
            return ChatCompletionRequest(model: try model, messages: messages, maxTokens: sent["max_tokens"]?.intValue)
        }
    }
}

/// An independent reading of a recorded event stream, with Foundation's JSON and plain string
/// splitting, to check the parser and decoder against.
struct StreamOracle {
    /// The `data` of each event before `[DONE]`.
    let events: [String]
    /// The byte offset just after each of those events (after its blank line).
    let eventEnds: [Int]

    init(_ body: Data) {
        let text = String(decoding: body, as: UTF8.self)
        var events: [String] = []
        var ends: [Int] = []
        var offset = 0
        for block in text.components(separatedBy: "\n\n") {
            offset += block.utf8.count + 2
            let data = block.split(separator: "\n").filter { $0.hasPrefix("data:") }.map { line in
                let value = line.dropFirst(5)
                return value.hasPrefix(" ") ? String(value.dropFirst()) : String(value)
            }
            guard !data.isEmpty else { continue }
            let joined = data.joined(separator: "\n")
            if joined == "[DONE]" { break }
            events.append(joined)
            ends.append(min(offset, body.count))
        }
        self.events = events
        eventEnds = ends
    }

    func json(_ index: Int) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(events[index].utf8))) as? [String: Any] ?? [:]
    }

    /// The first choice's content in event `index`.
    func content(_ index: Int) -> String? {
        let choices = json(index)["choices"] as? [[String: Any]] ?? []
        let first = choices.first { ($0["index"] as? Int ?? 0) == 0 }
        return (first?["delta"] as? [String: Any])?["content"] as? String
    }

    /// The text of the first `count` events.
    func text(upTo count: Int) -> String {
        (0..<count).compactMap(content).joined()
    }

    var text: String { text(upTo: events.count) }

    /// The last finish reason sent.
    var finishReason: String? {
        events.indices.reversed().lazy.compactMap { index in
            ((json(index)["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String)
        }.first
    }

    /// The usage of the last event that has one.
    var usage: [String: Any]? {
        events.indices.reversed().lazy.compactMap { json($0)["usage"] as? [String: Any] }.first
    }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw OracleError(message: message) }
        return self
    }
}

struct OracleError: Error {
    let message: String
}
