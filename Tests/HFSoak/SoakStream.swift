import Foundation
import HFCore
import HFInference
import HFReplay
import HFTestSupport

/// A recorded streamed chat of one provider, served on its own recorded routes.
struct SoakStream: Sendable {
    let recorded: RecordedCase
    let provider: Provider
    let request: ChatCompletionRequest
    /// The size of the recorded event-stream body.
    let bodyCount: Int

    /// The recorded streams of the providers whose chat route the client still uses as recorded.
    static func all() throws -> [SoakStream] {
        try ["cerebras", "fireworks-ai", "hf-inference", "hyperbolic", "nebius", "novita", "sambanova", "together"].map { name in
            let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_with_stream_\(name)_conversational")
            guard let chat = recorded.inferenceInteraction, let model = recorded.hubModelID else {
                throw SoakError("\(recorded.fileStem) has no chat call or no Hub look-up")
            }
            let messages = try chat.request.jsonBody().textMessages.map { ChatMessage(role: ChatRole(rawValue: $0.role), content: .text($0.content)) }
            let maxTokens = try chat.request.jsonBody()["max_tokens"]?.intValue
            let request = ChatCompletionRequest(model: ModelID(rawValue: model), messages: messages, maxTokens: maxTokens)
            return SoakStream(recorded: recorded, provider: Provider(rawValue: name), request: request, bodyCount: chat.response.body.count)
        }
    }

    /// Serves the case on `server`; returns the index of the chat call's rule, whose plan the
    /// soak changes per stream.
    func serve(on server: ReplayServer) -> Int {
        let rules = server.serve(case: recorded)
        return rules[recorded.interactions.firstIndex { $0.request.method == "POST" }!]
    }
}

struct SoakError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
