import Foundation
import HFCore
import HFInference
import HFStreaming
import Testing

/// Calls to the real router. They run only with `HF_LIVE=1` (skipped, never passed, otherwise) and
/// then need a token (`HF_TOKEN` or the token file); `HF_LIVE_MODEL` picks another chat model.
@Suite("Live router", .enabled(if: LiveSettings.isEnabled, "set HF_LIVE=1 (and HF_TOKEN) to call the real router"))
struct LiveRouterTests {
    static let model = ModelID(rawValue: LiveSettings.environment["HF_LIVE_MODEL"] ?? ModelID.llama3_1_8BInstruct.rawValue)

    /// A client with the machine's token; fails the test, saying where it looked, if there is none.
    static func client() throws -> HFClient {
        let configuration = HFConfiguration()
        guard configuration.token != nil else {
            throw LiveTestError(message: "HF_LIVE=1 but no Hugging Face token was found (looked in: \(configuration.searchedTokenLocations.joined(separator: "; "))). Set HF_TOKEN to a token with the \"Make calls to Inference Providers\" permission.")
        }
        return HFClient(configuration: configuration)
    }

    @Test("a chat through the router answers")
    func chat() async throws {
        let client = try Self.client()
        let completion = try await client.inference.chat(ChatCompletionRequest(model: Self.model, messages: [.user("Say hello in one word.")], maxTokens: 20))
        #expect(completion.choices.isEmpty == false)
        #expect((completion.text ?? "").isEmpty == false)
    }

    @Test("a stream through the router delivers text and ends")
    func stream() async throws {
        let client = try Self.client()
        var request = ChatCompletionRequest(model: Self.model, messages: [.user("Count from 1 to 5.")], maxTokens: 40)
        request.streamOptions = StreamOptions(includeUsage: true)
        var text = ""
        var finished = false
        for try await chunk in try client.inference.chatStream(request) {
            text += chunk.text ?? ""
            if chunk.finishReason != nil { finished = true }
        }
        #expect(!text.isEmpty)
        #expect(finished)
    }
}

enum LiveSettings {
    static let environment = ProcessInfo.processInfo.environment
    static let isEnabled = environment["HF_LIVE"] == "1"
}

struct LiveTestError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
