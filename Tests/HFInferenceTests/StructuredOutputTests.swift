import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFInference

/// `decode(as:)` on real replies: the recorded JSON-mode answer reads into a caller's type; a
/// content that is not that JSON fails with a decoding error quoting it.
@Suite("Structured output")
struct StructuredOutputTests {
    /// The shape the recorded request's `response_format` asked for (snake case on the wire).
    struct Outing: Decodable, Equatable {
        let location: String
        let activity: String
        let animalsSeen: Int
        let animals: [String]
    }

    /// The same, with a member of the wrong type.
    struct WrongOuting: Decodable {
        let animalsSeen: String
    }

    static var snakeCase: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    static let jsonCase = "legacy.InferenceClientVCRTest.test_chat_completion_with_response_format"

    /// The recorded JSON-mode chat, sent as recorded (the request decoded from its body) to the route
    /// hf-inference serves that model on today.
    static func jsonModeReply() async throws -> ChatCompletion {
        let recorded = try RecordedCase.load(jsonCase)
        let chat = try #require(recorded.inferenceInteraction)
        let request = try JSONDecoder().decode(ChatCompletionRequest.self, from: try #require(chat.request.body))
        let (server, _) = try ReplayServer.serving(inferenceOf: jsonCase, at: "https://router.huggingface.co/hf-inference/models/\(request.model)/v1/chat/completions")
        return try await HFClient.replaying(server).inference.chat(request, via: .provider(.hfInference))
    }

    @Test("the recorded JSON-mode reply decodes into the caller's type")
    func decodesRecordedJSON() async throws {
        let completion = try await Self.jsonModeReply()

        let outing = try completion.decode(as: Outing.self, using: Self.snakeCase)

        #expect(outing == Outing(location: "park", activity: "bike ride", animalsSeen: 3, animals: ["puppy", "cat", "raccoon"]))
        #expect(try completion.choices[0].message.decode(as: Outing.self, using: Self.snakeCase) == outing)
    }

    @Test("JSON of another shape: a decoding error naming the member and quoting the content")
    func wrongShape() async throws {
        let completion = try await Self.jsonModeReply()

        let error = #expect(throws: HFError.self) { try completion.decode(as: WrongOuting.self, using: Self.snakeCase) }

        #expect(error?.category == .decoding)
        #expect(error?.message.contains("WrongOuting") == true)
        #expect(error?.message.contains("animals_seen") == true)
        #expect(error?.bodySnippet == completion.text)
        #expect(error?.message.contains(testToken) == false)
    }

    @Test("a real answer that is not JSON: a decoding error quoting its first 200 characters, never the token")
    func notJSON() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_together_conversational")
        let server = try ReplayServer(case: recorded)
        let model = ModelID(rawValue: try #require(recorded.hubModelID))
        let completion = try await HFClient.replaying(server).inference.chat(
            ChatCompletionRequest(model: model, messages: [.system("You are a helpful assistant."), .user("What is deep learning?")]),
            via: .provider(.together)
        )
        let text = try #require(completion.text)
        try #require(text.count > 200)

        let error = #expect(throws: HFError.self) { try completion.decode(as: Outing.self) }

        #expect(error?.category == .decoding)
        #expect(error?.bodySnippet == String(text.prefix(200)) + "…")
        #expect(error?.message.hasSuffix(String(text.prefix(200)) + "…") == true)
        #expect(error?.recoverySuggestion.contains("responseFormat") == true)
        #expect("\(String(describing: error))".contains(testToken) == false)
    }

    @Test("JSON cut off at the token limit (a real llama.cpp reply, Fixtures/ORIGIN.md) says to raise maxTokens")
    func cutAtTokenLimit() throws {
        struct Verdict: Decodable {
            let ok: Bool
            let count: Int
        }
        let completion = try JSONDecoder().decode(ChatCompletion.self, from: try Fixture.data("llamacpp-json-cut-at-max-tokens.json"))
        #expect(completion.choices.first?.finishReason == .length)

        let error = #expect(throws: HFError.self) { try completion.decode(as: Verdict.self) }
        #expect(error?.category == .decoding)
        #expect(error?.bodySnippet == #"{ "ok": false"#)
        #expect(error?.recoverySuggestion.contains("raise `maxTokens`") == true)
        // The message alone knows nothing of the finish reason: the general suggestion.
        let fromMessage = #expect(throws: HFError.self) { try completion.choices[0].message.decode(as: Verdict.self) }
        #expect(fromMessage?.recoverySuggestion.contains("responseFormat") == true)
    }
}
