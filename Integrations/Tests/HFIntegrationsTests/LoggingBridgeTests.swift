import Foundation
import HFCore
import HFInference
import HFLogging
import HFReplay
import HFStreaming
import InMemoryLogging
import Logging
import Testing

/// The swift-log bridge over recorded traffic: every event arrives as a record at its level with
/// its fields as metadata, and the token, a canary here, appears in none of them.
@Suite("swift-log bridge")
struct LoggingBridgeTests {
    /// A swift-log logger capturing every record, down to trace.
    static func capturingLogger() -> (Logger, InMemoryLogHandler) {
        var handler = InMemoryLogHandler()
        handler.logLevel = .trace
        return (Logger(label: "hf.test", factory: { _ in handler }), handler)
    }

    /// Every string a record carries: its message and its metadata, nested values included.
    static func texts(of entry: InMemoryLogHandler.Entry) -> [String] {
        func flatten(_ value: Logger.MetadataValue) -> [String] {
            switch value {
            case .string(let text): return [text]
            case .stringConvertible(let convertible): return [convertible.description]
            case .array(let values): return values.flatMap(flatten)
            case .dictionary(let values): return values.flatMap { [$0.key] + flatten($0.value) }
            }
        }
        return ["\(entry.message)"] + entry.metadata.flatMap { [$0.key] + flatten($0.value) }
    }

    @Test("a chat, a stream and a refused token: records at their levels with metadata, and the token in none")
    func canary() async throws {
        let (logger, handler) = Self.capturingLogger()
        let hfLogger = HFLogger.swiftLog(logger)
        #expect(hfLogger.minimumLevel == .trace)

        let chatServer = try ReplayServer(case: RecordedCase.load(Replayed.chat))
        let chat = try await Replayed.client(chatServer, logger: hfLogger).inference.chat(Replayed.chatRequest, via: .provider(.hfInference))
        #expect(chat.text?.isEmpty == false)

        let streamServer = try ReplayServer(case: RecordedCase.load(Replayed.chatStream))
        let streamed = try await Replayed.client(streamServer, logger: hfLogger).inference.chatStream(Replayed.chatRequest, via: .provider(.hfInference)).collectText()
        #expect(!streamed.isEmpty)

        let refused = try RecordedCase.load(Replayed.refusedToken)
        let refusal = refused.interactions[1]
        let refusingServer = try ReplayServer(case: refused)
        let refusingClient = Replayed.client(refusingServer, logger: hfLogger)
        let request = refusingClient.makeRequest(.post, url: refusingServer.url(for: refusal.request.url), body: refusal.request.body, contentType: "application/json")
        let error = await #expect(throws: HFError.self) { try await refusingClient.send(request) }
        #expect(error?.category == .authentication)
        // The token did reach the server: the canary is a real credential as far as the client knows.
        #expect(refusingServer.requests.last?.header("Authorization") == "Bearer \(Replayed.token)")

        let entries = handler.entries
        let kinds = entries.map { "\($0.message)" }
        #expect(kinds.filter { $0 == "request.started" }.count == 3)
        #expect(kinds.contains("stream.finished"))

        let finishedChat = try #require(entries.first { "\($0.message)" == "request.finished" && $0.metadata["hf.operation"] == "chat" })
        #expect(finishedChat.level == .debug)
        #expect(finishedChat.metadata["hf.status"]?.description == "200")
        #expect(finishedChat.metadata["hf.method"] == "POST")
        #expect(finishedChat.metadata["hf.provider"] == "hf-inference")
        #expect(finishedChat.metadata["hf.attempt"]?.description == "1")
        #expect(finishedChat.metadata["hf.route"]?.description.hasSuffix("/chat/completions") == true)
        #expect(finishedChat.metadata["hf.duration_ms"] != nil)
        #expect(finishedChat.metadata["hf.bytes_received"]?.description == String(chatServer.responses.last?.bodyLength ?? -1))

        let finishedRefusal = try #require(entries.first { "\($0.message)" == "request.finished" && $0.metadata["hf.status"]?.description == "401" })
        #expect(finishedRefusal.level == .warning)
        #expect(finishedRefusal.metadata["hf.request_id"]?.description == refusal.response.headers["x-request-id"])

        let leaks = entries.filter { entry in Self.texts(of: entry).contains { $0.contains(Replayed.token) || $0.contains("Bearer") } }
        #expect(leaks.isEmpty, "records showing the token: \(leaks)")
    }

    @Test("the logger's level decides which events are built: info leaves out trace and debug")
    func minimumLevel() async throws {
        let (capturing, handler) = Self.capturingLogger()
        var logger = capturing
        logger.logLevel = .info
        let hfLogger = HFLogger.swiftLog(logger)
        #expect(hfLogger.minimumLevel == .info)
        let server = try ReplayServer(case: RecordedCase.load(Replayed.chat), plan: .status(503))
        let client = Replayed.client(server, logger: hfLogger)

        await #expect(throws: HFError.self) { try await client.inference.chat(Replayed.chatRequest, via: .provider(.hfInference)) }

        let entries = handler.entries
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { $0.level >= .info })
        #expect(entries.contains { $0.level == .error && $0.metadata["hf.status"]?.description == "503" })
    }

    @Test("levels map both ways; swift-log's notice and critical take the nearest level")
    func levels() {
        for level in HFLogLevel.allCases {
            #expect(HFLogLevel(level.swiftLogLevel) == level)
        }
        #expect(HFLogLevel(Logger.Level.notice) == .info)
        #expect(HFLogLevel(Logger.Level.critical) == .error)
    }
}
