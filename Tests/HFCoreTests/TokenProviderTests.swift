import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

@Suite("Token providers")
struct TokenProviderTests {
    static let infoURL = URL(string: "https://huggingface.co/api/models/google-bert/bert-base-uncased")!

    static func transport() throws -> MemoryTransport {
        MemoryTransport(replaying: try RecordedCase.load("InferenceApiTest.test_simple_inference"))
    }

    @Test("a provider that returns a new token on each call is asked for each request, and each token is sent")
    func refreshing() async throws {
        let calls = LockedState(0)
        let provider = TokenProvider.refreshing {
            calls.withLock { count in
                count += 1
                return "hf_rotated\(count)_0123456789abcdefghij"
            }
        }
        let transport = try Self.transport()
        let client = HFClient(configuration: HFConfiguration(tokenProvider: provider, environment: .empty), transport: transport)
        for _ in 0..<3 {
            _ = try await client.send(client.makeRequest(.get, url: Self.infoURL))
        }
        #expect(calls.withLock { $0 } == 3)
        let sent = transport.requests.map { $0.headersForWire()["Authorization"] }
        #expect(sent == (1...3).map { "Bearer hf_rotated\($0)_0123456789abcdefghij" })
        #expect(client.configuration.token == nil)
        #expect("\(client.configuration)".contains("asked per request"))
    }

    @Test("every token a refreshing provider handed out is scrubbed from errors, not only the current one")
    func rotatedTokensAreScrubbed() async throws {
        let tokens = ["hf_OLDtoken0123456789abcdefghijklmn", "hf_NEWtoken0123456789abcdefghijklmn"]
        let calls = LockedState(0)
        let provider = TokenProvider.refreshing { calls.withLock { count in defer { count += 1 }; return tokens[min(count, 1)] } }
        // A server that echoes every token it was ever sent (a fault on the recorded reply).
        let reply = try RecordedCase.load("InferenceApiTest.test_simple_inference").interactions[1].response
        let transport = MemoryTransport { _ in
            var response = HTTPStreamingResponse(recorded: reply)
            response.head.status = 401
            response.head.headers["X-Error-Message"] = "unknown tokens: \(tokens.joined(separator: ", "))"
            return response
        }
        let client = HFClient(configuration: HFConfiguration(tokenProvider: provider, environment: .empty), transport: transport)
        for used in 1...2 {
            let error = await #expect(throws: HFError.self) { try await client.send(client.makeRequest(.get, url: Self.infoURL)) }
            #expect(error?.category == .authentication)
            let text = "\(String(describing: error))"
            // Every token sent so far is scrubbed; the old one stays scrubbed after the rotation.
            for token in tokens.prefix(used) { #expect(!text.contains(token)) }
        }
    }

    @Test("a provider that throws fails the request as authentication, before anything is sent")
    func throwingProvider() async throws {
        struct VaultDown: Error {}
        let transport = try Self.transport()
        let client = HFClient(configuration: HFConfiguration(tokenProvider: .refreshing { throw VaultDown() }, environment: .empty), transport: transport)
        let error = await #expect(throws: HFError.self) { try await client.send(client.makeRequest(.get, url: Self.infoURL)) }
        #expect(error?.category == .authentication)
        #expect(error?.underlyingError is VaultDown)
        #expect(transport.requests.isEmpty)
        // A call that can do without a token does not ask.
        let optional = await #expect(throws: HFError.self) { try await client.send(client.makeRequest(.get, url: Self.infoURL), token: .ifAvailable) }
        #expect(optional?.category == .authentication)
        _ = try await client.send(client.makeRequest(.get, url: Self.infoURL), token: .never)
        #expect(transport.requests.count == 1)
    }

    @Test("a call cancelled while the provider waits is cancelled, not an authentication failure")
    func cancelledWhileFetching() async throws {
        let transport = try Self.transport()
        let provider = TokenProvider.refreshing {
            try await Task.sleep(for: .seconds(60))
            return "hf_never0123456789abcdefghijklmn"
        }
        let client = HFClient(configuration: HFConfiguration(tokenProvider: provider, environment: .empty), transport: transport)
        let call = Task { try await client.send(client.makeRequest(.get, url: Self.infoURL)) }
        try await Task.sleep(for: .milliseconds(50))
        call.cancel()
        let outcome = await call.result
        if case .failure(let error as HFError) = outcome {
            #expect(error.category == .cancelled)
        } else {
            Issue.record("expected a cancellation, got \(outcome)")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("fixed, none and environment providers")
    func fixedProviders() {
        #expect(TokenProvider.fixed("hf_abc").fixedToken == Secret("hf_abc"))
        #expect(TokenProvider.fixed("  ").fixedToken == nil)
        #expect(TokenProvider.none.fixedToken == nil)
        let environment = HFEnvironment(variables: ["HF_TOKEN": "hf_fromenv"], homeDirectory: nil, workingDirectory: URL(fileURLWithPath: "/nonexistent"), readFile: { _ in nil })
        let discovered = TokenProvider.environment(environment)
        #expect(discovered.fixedToken == Secret("hf_fromenv"))
        #expect(discovered.source?.description == "environment variable HF_TOKEN")
        var configuration = HFConfiguration(token: "hf_abc", environment: .empty)
        #expect(configuration.tokenSource?.description == "passed explicitly")
        configuration.token = nil
        #expect(configuration.tokenSource == nil)
    }
}
