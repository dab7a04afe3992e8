import Foundation
import HFFull
import Testing

extension EndToEndTests {
    @Suite("Errors the real server produces") struct ServerErrors {
        let client = HFClient()

        @Test("an unknown route is a 404 with the server's message")
        func unknownRoute() async throws {
            let base = try #require(EndToEndServer.baseURL).deletingLastPathComponent().appendingPathComponent("no-such-route")
            let error = await #expect(throws: HFError.self) {
                try await client.inference.chat(EndToEndServer.request("Hi", maxTokens: 4), via: .endpoint(base))
            }
            #expect(error?.category == .api)
            #expect(error?.status == 404)
            #expect(error?.message == "Not Found")
        }

        static let overflow = String(repeating: "hello ", count: 600)

        @Test("a prompt longer than the context is a 400 with code context_length_exceeded and a suggestion that fits")
        func contextOverflow() async throws {
            let error = await #expect(throws: HFError.self) {
                try await client.inference.chat(EndToEndServer.request(Self.overflow, maxTokens: 10), via: try EndToEndServer.target)
            }
            #expect(error?.category == .api)
            #expect(error?.status == 400)
            #expect(error?.errorCode == "context_length_exceeded")
            #expect(error?.message.contains("maximum context length is 512 tokens") == true)
            #expect(error?.recoverySuggestion.contains("lower max_tokens") == true)
        }

        @Test("streamed, the same overflow is a 200 with no event at all: the stream fails as interrupted, with nothing delivered")
        func streamedContextOverflow() async throws {
            var pieces = 0
            let error = await #expect(throws: HFError.self) {
                for try await _ in try client.inference.chatStream(EndToEndServer.request(Self.overflow, maxTokens: 10), via: try EndToEndServer.target) {
                    pieces += 1
                }
            }
            #expect(pieces == 0)
            #expect(error?.category == .streamInterrupted)
            let partial = error?.partialOutput ?? ""
            #expect(partial.isEmpty)
            // The server then closes this keep-alive connection, a moment after the body ended. A
            // POST sent on it within that moment fails as `network` and is not sent again (D60);
            // once the close has arrived, libcurl sees the connection is dead and opens a new one.
            try await Task.sleep(for: .milliseconds(200))
            let next = try await client.inference.chat(EndToEndServer.request("Hi", maxTokens: 2), via: try EndToEndServer.target)
            #expect(next.usage?.completionTokens == 2)
        }

        @Test("a parameter this server rejects (json_schema) is its 500, quoted, with a suggestion to correct the field")
        func rejectedParameter() async throws {
            var request = EndToEndServer.request("Answer in JSON.", maxTokens: 10)
            request.responseFormat = .jsonSchema(name: "answer", schema: ["type": "object"])
            let error = await #expect(throws: HFError.self) {
                try await client.inference.chat(request, via: try EndToEndServer.target)
            }
            #expect(error?.category == .api)
            #expect(error?.status == 500)
            #expect(error?.message.contains("Input should be 'text' or 'json_object'") == true)
            #expect(error?.recoverySuggestion.contains("correct that field") == true)
        }

        @Test("a value out of range is refused before anything is sent")
        func validation() async throws {
            var request = EndToEndServer.request("Hi", maxTokens: 4)
            request.topP = 5
            let error = await #expect(throws: HFError.self) {
                try await client.inference.chat(request, via: try EndToEndServer.target)
            }
            #expect(error?.category == .validation)
            #expect(error?.field == "top_p")
        }
    }
}
