import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

import HFInference
import HFStreaming

/// The README's streaming example, compiled and run against the replay server; the lines between
/// the markers are the README's, verbatim.
@Suite("README streaming example")
struct ReadmeStreamingTests {
    @Test("the streaming example prints the answer as it arrives")
    func streaming() async throws {
        // Recorded on hf-inference's route for this model; served on the router's, where the one-liner goes.
        let (server, chat) = try ReplayServer.serving(
            inferenceOf: "TestOpenAICompatibility.test_with_stream_true", at: "https://router.huggingface.co/v1/chat/completions"
        )
        let client = HFClient.replaying(server)

        // README streaming begins
        var reply = ""
        for try await piece in try client.inference.chatStream("Count to 10", model: .llama3_8BInstruct).text {
            print(piece, terminator: "")
            reply += piece
        }
        // README streaming ends

        #expect(reply == StreamOracle(chat.response.body).text)
        #expect(reply.contains("10"))
        let body = try #require(try server.requests.first?.jsonBody())
        #expect(body == ["model": "meta-llama/Meta-Llama-3-8B-Instruct", "messages": [["role": "user", "content": "Count to 10"]], "stream": true])
    }
}
