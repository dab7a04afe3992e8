import Foundation
import HFReplay
import HFSync
import HFTestSupport
import Testing

/// The recorded together chats, plain and streamed, served on the routes the client uses, with an
/// independent reading of the stream (Foundation's JSON, plain string splitting) to check against.
enum RecordedChat {
    static let plainStem = "TestInferenceClient.test_chat_completion_no_stream_together_conversational"
    static let streamStem = "TestInferenceClient.test_chat_completion_with_stream_together_conversational"

    /// A server answering the case; `plan` applies to the chat call only, not the Hub look-up.
    static func server(_ stem: String, plan: ResponsePlan? = nil) throws -> (ReplayServer, RecordedCase) {
        let recorded = try RecordedCase.load(stem)
        let server = try ReplayServer()
        for interaction in recorded.interactions {
            server.serve(interaction, plan: interaction.request.method == "POST" ? plan : ResponsePlan())
        }
        return (server, recorded)
    }

    /// A server for the case, a client talking to it, and the case's request.
    static func setUp(_ stem: String, plan: ResponsePlan? = nil) throws -> (server: ReplayServer, client: HFClient, request: ChatCompletionRequest, recorded: RecordedCase) {
        let (server, recorded) = try server(stem, plan: plan)
        return (server, HFClient.replaying(server), try request(recorded), recorded)
    }

    /// The recorded reply's text.
    static func replyText(_ recorded: RecordedCase) throws -> String? {
        try #require(recorded.inferenceInteraction).response.jsonBody()["choices"]?[0]?["message"]?["content"]?.stringValue
    }

    /// The request the case made, as our client builds it.
    static func request(_ recorded: RecordedCase) throws -> ChatCompletionRequest {
        let sent = try #require(recorded.inferenceInteraction).request.jsonBody()
        let messages = sent.textMessages.map { ChatMessage(role: ChatRole(rawValue: $0.role), content: .text($0.content)) }
        return ChatCompletionRequest(model: ModelID(rawValue: try #require(recorded.hubModelID)), messages: messages, maxTokens: sent["max_tokens"]?.intValue)
    }

    /// The streamed body's events: where each ends (the byte after its blank line) and its text.
    static func events(_ body: Data) -> [(end: Int, text: String?)] {
        var events: [(Int, String?)] = []
        var start = body.startIndex
        while let blank = body[start...].firstRange(of: Data("\n\n".utf8)) {
            let event = String(decoding: body[start..<blank.lowerBound], as: UTF8.self)
            start = blank.upperBound
            guard event.hasPrefix("data:"), !event.contains("[DONE]") else { continue }
            let json = try? JSONSerialization.jsonObject(with: Data(event.dropFirst(5).utf8)) as? [String: Any]
            let delta = ((json?["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any])
            events.append((start - body.startIndex, delta?["content"] as? String))
        }
        return events
    }
}
