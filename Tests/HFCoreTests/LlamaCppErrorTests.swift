import Foundation
import HFTestSupport
import Testing

@testable import HFCore

/// Error answers a real llama.cpp server gave (Fixtures/ORIGIN.md): what the end-to-end run found
/// that the recordings of the Hugging Face services did not hold.
@Suite("llama.cpp server errors")
struct LlamaCppErrorTests {
    static func response(_ status: Int, fixture: String) throws -> HTTPResponse {
        HTTPResponse(head: HTTPResponseHead(status: status, headers: ["Content-Type": "application/json"]), body: try Fixture.data(fixture))
    }

    @Test("a context overflow (400, code context_length_exceeded) says to shorten the messages or lower max_tokens")
    func contextLength() throws {
        let error = HFError(response: try Self.response(400, fixture: "llamacpp-400-context-length.json"))
        #expect(error.category == .api)
        #expect(error.errorCode == "context_length_exceeded")
        #expect(error.errorType == "invalid_request_error")
        #expect(error.message.hasPrefix("This model's maximum context length is 512 tokens."))
        #expect(error.recoverySuggestion.contains("lower max_tokens"))
    }

    @Test("a parameter the server rejects with a 500 quotes its reason, and the suggestion does not only say to retry")
    func rejectedParameterAs500() throws {
        let error = HFError(response: try Self.response(500, fixture: "llamacpp-500-json-schema.json"))
        #expect(error.category == .api)
        #expect(error.status == 500)
        #expect(error.errorType == "internal_server_error")
        #expect(error.message.contains("Input should be 'text' or 'json_object'"))
        #expect(error.recoverySuggestion.contains("correct that field"))
    }
}
