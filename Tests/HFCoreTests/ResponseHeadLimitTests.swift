import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

/// A response head (status line and headers) over the size a client accepts: a clear
/// `responseTooLarge`, never libcurl's "Out of memory".
@Suite("Response head size")
struct ResponseHeadLimitTests {
    static let chatCase = "TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational"

    /// The recorded chat reply with one header of `size` bytes added (a fault on the real head).
    static func send(headerOfSize size: Int, lines: Int = 1, through kind: TransportKind) async throws -> HFError? {
        let chat = try RecordedCase.load(chatCase).interactions[1]
        var headers: [String: String] = [:]
        for line in 0..<lines { headers["X-Padding-\(line)"] = String(repeating: "a", count: size) }
        let server = try ReplayServer(defaultPlan: ResponsePlan(extraHeaders: headers))
        server.serve(chat)
        let client = HFClient.replaying(server, transport: kind.make())
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        do {
            _ = try await client.send(request)
            return nil
        } catch {
            return error
        }
    }

    static func expectHeadTooLarge(_ error: HFError?) {
        #expect(error?.category == .responseTooLarge)
        #expect(error?.message.contains("response head") == true)
        #expect(error?.message.localizedCaseInsensitiveContains("memory") == false)
        #expect(error?.recoverySuggestion.contains("maximumResponseSize") == false)
        #expect((error?.underlyingError as? HTTPTransportError)?.code == .headTooLarge)
    }

    @Test("a 1 MB header line is a responseTooLarge error about the head, not \"Out of memory\"", arguments: TransportKind.available)
    func megabyteLine(_ kind: TransportKind) async throws {
        Self.expectHeadTooLarge(try await Self.send(headerOfSize: 1 << 20, through: kind))
    }

    @Test("headers over 256 KiB in all, each line acceptable, are stopped the same way", arguments: TransportKind.available)
    func manyLines(_ kind: TransportKind) async throws {
        Self.expectHeadTooLarge(try await Self.send(headerOfSize: 8 << 10, lines: 40, through: kind))
    }

    @Test("the recorded head with a few KiB of headers added still passes", arguments: TransportKind.available)
    func ordinaryHead(_ kind: TransportKind) async throws {
        #expect(try await Self.send(headerOfSize: 4 << 10, lines: 2, through: kind) == nil)
    }
}
