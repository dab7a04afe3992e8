import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

/// Every recorded error response, replayed, becomes the right `HFError` with the server's message
/// and request id. One case per recorded body shape.
@Suite("Recorded error responses")
struct RecordedErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let stem: String
        let interaction: Int
        let category: HFError.Category
        let status: Int
        let message: String
        var testDescription: String { "\(status) \(stem)" }
    }

    static let cases: [Case] = [
        // {"error": ["…"]} — a list of messages (legacy API validation).
        Case(stem: "InferenceApiTest.test_inference_missing_input", interaction: 1, category: .api, status: 400,
             message: "Error in `inputs.context`: field required"),
        // {"error": "…"} with X-Error-Message — the router refusing a bad token.
        Case(stem: "TestInferenceClient.test_chat_completion_unprocessable_entity", interaction: 1, category: .authentication, status: 401,
             message: "Invalid username or password."),
        // text/plain — a text-generation server rejecting the body.
        Case(stem: "legacy.InferenceClientVCRTest.test_chat_completion_unprocessable_entity", interaction: 0, category: .api, status: 422,
             message: "Failed to deserialize the JSON body into the target type: messages: invalid type: string \"please output 'Observation'\", expected a sequence at line 1 column 58"),
        Case(stem: "legacy.InferenceClientVCRTest.test_unprocessable_entity_error", interaction: 0, category: .api, status: 422,
             message: "Failed to deserialize the JSON body into the target type: inputs: invalid type: map, expected a string at line 1 column 11"),
    ]

    @Test("maps to the category, with the server's message and request id", arguments: cases)
    func recordedError(_ testCase: Case) async throws {
        let recorded = try RecordedCase.load(testCase.stem)
        let interaction = recorded.interactions[testCase.interaction]
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)
        let request = client.makeRequest(
            HTTPMethod(rawValue: interaction.request.method), url: server.url(for: interaction.request.url),
            body: interaction.request.body, contentType: "application/json"
        )
        let error = await #expect(throws: HFError.self) { try await client.send(request) }
        #expect(error?.category == testCase.category)
        #expect(error?.status == testCase.status)
        #expect(error?.message == testCase.message)
        #expect(error?.requestID == interaction.response.headers["x-request-id"])
        #expect(error?.recoverySuggestion.isEmpty == false)
        // One full stop, even after a message that has its own ("Invalid username or password.").
        let description = error.map { "\($0)" } ?? ""
        let sentence = testCase.message.hasSuffix(".") ? String(testCase.message.dropLast()) : testCase.message
        #expect(description.hasPrefix("HFError.\(testCase.category): \(sentence) (status \(testCase.status)"), "\(description)")
        #expect(!description.contains(".."), "\(description)")
    }

    @Test("a chosen status on a real response: 429 with Retry-After, 503 overload", arguments: [(429, HFError.Category.rateLimited), (503, .modelUnavailable)])
    func injectedStatus(_ status: Int, _ category: HFError.Category) async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_unprocessable_entity")
        let interaction = recorded.interactions[1]
        let server = try ReplayServer(case: recorded, plan: .status(status, headers: ["Retry-After": "7"]))
        let client = HFClient.replaying(server)
        let request = client.makeRequest(.post, url: server.url(for: interaction.request.url), body: interaction.request.body, contentType: "application/json")
        let error = await #expect(throws: HFError.self) { try await client.send(request) }
        #expect(error?.category == category)
        #expect(error?.retryAfter == .seconds(7))
        #expect(error?.message == "Invalid username or password.")
    }

    @Test("an error status on a streamed request is thrown with the body's message")
    func streamedError() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_unprocessable_entity")
        let interaction = recorded.interactions[1]
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)
        let request = client.makeRequest(.post, url: server.url(for: interaction.request.url), body: interaction.request.body, contentType: "application/json", accept: "text/event-stream")
        let error = await #expect(throws: HFError.self) { try await client.stream(request) }
        #expect(error?.category == .authentication)
        #expect(error?.message == "Invalid username or password.")
    }
}
