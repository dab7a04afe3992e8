import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

/// An error's description is one sentence per part: a message that already ends with a full stop
/// (most servers' do) gets no second one.
@Suite("Error descriptions")
struct ErrorDescriptionTests {
    @Test("a recorded server message ending with a full stop, with details after it")
    func recordedMessage() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_unprocessable_entity")
        let interaction = recorded.interactions[1]
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)
        let request = client.makeRequest(.post, url: server.url(for: interaction.request.url), body: interaction.request.body, contentType: "application/json")
        let error = try #require(await #expect(throws: HFError.self) { try await client.send(request) })
        #expect(error.message == "Invalid username or password.")
        let description = "\(error)"
        #expect(description.hasPrefix("HFError.authentication: Invalid username or password (status 401"), "\(description)")
        #expect(!description.contains(".."), "\(description)")
        #expect(!description.contains(". ("), "\(description)")
        #expect(description.hasSuffix(". " + error.recoverySuggestion), "\(description)")
    }

    @Test("messages with and without a closing full stop, and without details", arguments: [
        ("The health probe gave no answer within 2 s.", "HFError.timeout: The health probe gave no answer within 2 s. "),
        ("The health probe gave no answer within 2 s", "HFError.timeout: The health probe gave no answer within 2 s. "),
        ("Is the base URL right?", "HFError.timeout: Is the base URL right? "),
        ("Loading...", "HFError.timeout: Loading. "),
    ])
    func ownMessage(_ message: String, _ expectedStart: String) {
        let error = HFError(category: .timeout, message: message)
        #expect("\(error)" == expectedStart + error.recoverySuggestion)
        #expect(error.errorDescription == "\(error)")
    }
}
