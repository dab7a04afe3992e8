import Foundation
import HFFull
import HFReplay
import HFTestSupport
import Testing

/// The DocC articles' examples that the README does not have, compiled and run against the replay
/// server; the lines between the markers are the articles', verbatim (`DocCSnippetTests` checks it).
@Suite("DocC article examples")
struct DocCArticleExamplesTests {
    /// A client whose router chat route answers with the recorded case's inference response.
    static func client(replaying stem: String) throws -> (HFClient, ReplayServer) {
        let (server, _) = try ReplayServer.serving(inferenceOf: stem, at: "https://router.huggingface.co/v1/chat/completions")
        return (HFClient.replaying(server), server)
    }

    @Test("a stream read chunk by chunk: text, finish reason and token usage")
    func streamDetails() async throws {
        let (client, server) = try Self.client(replaying: "TestInferenceClient.test_chat_completion_with_stream_together_conversational")

        // DocC stream details begins
        var request = ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("What is deep learning?")])
        request.maxTokens = 20
        request.streamOptions = StreamOptions()   // ask for the token usage at the end
        var answer = ""
        var finishReason: FinishReason?
        var usage: TokenUsage?
        for try await chunk in try client.inference.chatStream(request) {
            answer += chunk.text ?? ""
            finishReason = chunk.finishReason ?? finishReason
            usage = chunk.usage ?? usage
        }
        if finishReason == .length {
            print("cut short by max_tokens: raise request.maxTokens for the rest")
        }
        print(answer, usage?.totalTokens ?? 0)
        // DocC stream details ends

        // The recording's deltas, joined: 20 tokens, cut short.
        #expect(answer == "Deep learning is a subfield of machine learning that involves the use of artificial neural networks to model and")
        #expect(finishReason == .length)
        #expect(usage == TokenUsage(promptTokens: 26, completionTokens: 20, totalTokens: 46))
        let body = try #require(try server.requests.first?.jsonBody())
        #expect(body["max_tokens"]?.intValue == 20)
        #expect(body["stream_options"] == ["include_usage": true])
    }

    @Test("an error branched on by category, with its recovery suggestion")
    func errors() async throws {
        // The router refusing a token, as recorded.
        let (client, server) = try Self.client(replaying: "TestInferenceClient.test_chat_completion_unprocessable_entity")

        // DocC errors begins
        var outcome = ""
        do {
            let answer = try await client.inference.chat("What is deep learning?", model: .llama3_8BInstruct)
            print(answer)
        } catch let error as HFError {
            switch error.category {
            case .authentication:
                outcome = "check HF_TOKEN: \(error.message)"
            case .rateLimited:
                outcome = "slow down for \(error.retryAfter ?? .seconds(1))"
            case .validation:
                outcome = "fix \(error.field ?? "the request"); nothing was sent"
            default:
                outcome = "\(error.category): \(error.message) (request id \(error.requestID ?? "none"))"
            }
            print(outcome, error.recoverySuggestion)
        }
        // DocC errors ends

        #expect(outcome == "check HF_TOKEN: Invalid username or password.")
        #expect(server.requests.map(\.path) == ["/v1/chat/completions"])
    }
}
