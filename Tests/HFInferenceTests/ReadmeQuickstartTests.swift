import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

import HFInference

/// The README's quickstart, compiled and run against the replay server. Only the client's
/// construction differs from the README (`HFClient()` reads the token from the environment); the
/// lines between the markers are the README's, verbatim.
@Suite("README quickstart")
struct ReadmeQuickstartTests {
    @Test("the quickstart runs and prints the answer")
    func quickstart() async throws {
        // Recorded on together's route for this model; served on the router's, where the one-liner goes.
        let (server, chat) = try ReplayServer.serving(
            inferenceOf: "TestInferenceClient.test_chat_completion_no_stream_together_conversational",
            at: "https://router.huggingface.co/v1/chat/completions"
        )
        let client = HFClient.replaying(server)

        // README quickstart begins
        let answer = try await client.inference.chat("What is deep learning?", model: .llama3_8BInstruct)
        print(answer)
        // README quickstart ends

        #expect(answer == (try chat.response.jsonBody())["choices"]?[0]?["message"]?["content"]?.stringValue)
        #expect(answer.hasPrefix("Deep learning"))
        let body = try #require(try server.requests.first?.jsonBody())
        #expect(body == ["model": "meta-llama/Meta-Llama-3-8B-Instruct", "messages": [["role": "user", "content": "What is deep learning?"]], "stream": false])
    }
}
