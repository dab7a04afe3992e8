import Foundation
import HFFull
import HFReplay
import HFTestSupport
import Testing

/// Every error category provoked through the public API with a canary token that servers, a
/// hostile transport and a broken body try to leak (faults injected on recorded replies), then
/// every output searched for it: the description, the localized description, the debug
/// description, a dump, the underlying error's description, and every log event at trace level.
@Suite("No output carries the token")
struct CanaryTokenTests {
    static let canary = "hf_CANARYleak0123456789abcdefghijklmnopq"
    static let chatCase = "TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational"
    static let streamCase = "TestInferenceClient.test_chat_completion_with_stream_cerebras_conversational"

    /// Every log event, as printed and as dumped.
    final class LogSink: Sendable {
        private let lines = LockedState<[String]>([])
        var all: [String] { lines.withLock { $0 } }

        var logger: HFLogger {
            HFLogger(minimumLevel: .trace) { [self] event in
                var dumped = ""
                dump(event, to: &dumped)
                lines.withLock { $0 += ["\(event)", dumped] }
            }
        }
    }

    /// Every run of 8 characters of the canary: a text cut from a body may hold part of it.
    static let canaryPieces: [String] = {
        let characters = Array(canary)
        return (0...(characters.count - 8)).map { String(characters[$0..<($0 + 8)]) }
    }()

    static func leaks(_ text: String) -> Bool {
        canaryPieces.contains { text.contains($0) }
    }

    static func outputs(of error: HFError) -> [String] {
        var dumped = ""
        dump(error, to: &dumped)
        var texts = ["\(error)", error.localizedDescription, String(reflecting: error), dumped, error.message, error.recoverySuggestion]
        texts += [error.bodySnippet, error.partialOutput, error.underlyingDescription].compactMap { $0 }
        if let underlying = error.underlyingError { texts += ["\(underlying)", String(reflecting: underlying)] }
        return texts
    }

    /// The error `call` throws.
    static func failure(_ call: () async throws -> Void) async -> HFError? {
        do {
            try await call()
            return nil
        } catch {
            return error as? HFError
        }
    }

    @Test("every category, with the token echoed wherever a server or a lower layer could put it")
    func everyCategory() async throws {
        let canary = Self.canary
        let sink = LogSink()
        let chatCase = try RecordedCase.load(Self.chatCase)
        let chat = try #require(chatCase.inferenceInteraction)
        let request = ChatCompletionRequest(model: .llama3_3_70BInstruct, messages: [.user("What is deep learning?")])
        var errors: [HFError] = []

        // Server answers that echo the token in the message header: 401, 429, 503, 400.
        for status in [401, 429, 503, 400] {
            let server = try ReplayServer()
            server.serve(chat, at: Route("POST", "https://router.huggingface.co/v1/chat/completions"),
                         plan: .status(status, headers: ["X-Error-Message": "rejected \(canary)", "X-HF-Warning": "saw \(canary)"]))
            let client = HFClient.replaying(server, token: canary) { $0.logger = sink.logger }
            if let error = await Self.failure({ _ = try await client.inference.chat(request) }) { errors.append(error) }
        }

        // Bad input: a billing header that would inject a line quoting the token.
        let refusing = HFClient(configuration: { () -> HFConfiguration in
            var configuration = HFConfiguration.inMemory(token: canary)
            configuration.billTo = "org\r\nX-Leak: \(canary)"
            configuration.logger = sink.logger
            return configuration
        }(), transport: MemoryTransport { _ in throw HTTPTransportError(.connectionFailed, "must not be reached") })
        if let error = await Self.failure({ _ = try await refusing.inference.chat(request) }) { errors.append(error) }

        // A hostile transport quoting the token in its failure.
        var configuration = HFConfiguration.inMemory(token: canary)
        configuration.logger = sink.logger
        let hostile = HFClient(configuration: configuration, transport: MemoryTransport { _ in
            throw HTTPTransportError(.connectionLost, "peer reset after \(canary)", detail: "errno 104 \(canary)")
        })
        if let error = await Self.failure({ _ = try await hostile.inference.chat(request) }) { errors.append(error) }

        // A reply cut short with the token after it: decoding, with the body quoted.
        let broken = HFClient(configuration: configuration, transport: MemoryTransport { _ in
            var reply = HTTPStreamingResponse(recorded: chat.response)
            reply.body = HTTPBodyStream(data: chat.response.body.prefix(60) + Data(canary.utf8))
            return reply
        })
        if let error = await Self.failure({ _ = try await broken.inference.chat(request, via: .provider(.hfInference)) }) { errors.append(error) }

        // A stream broken by a transport failure quoting the token, after real events.
        let streamBody = try #require(try RecordedCase.load(Self.streamCase).inferenceInteraction).response.body
        let firstEvents = streamBody.prefix(streamBody.count / 2)
        let interrupted = HFClient(configuration: configuration, transport: MemoryTransport { _ in
            let chunks = AsyncThrowingStream<Data, any Error> { continuation in
                continuation.yield(firstEvents)
                continuation.finish(throwing: HTTPTransportError(.connectionLost, "reset", detail: "upstream said \(canary)"))
            }
            return HTTPStreamingResponse(head: HTTPResponseHead(status: 200, headers: ["Content-Type": "text/event-stream"]), body: HTTPBodyStream(chunks))
        })
        if let error = await Self.failure({ for try await _ in try interrupted.inference.chatStream(request, via: .provider(.hfInference)) {} }) { errors.append(error) }

        // Timeout, size cap and cancellation, on the replay server.
        let slow = try ReplayServer()
        slow.serve(chat, at: Route("POST", "https://router.huggingface.co/v1/chat/completions"), plan: ResponsePlan(delayBeforeHead: .seconds(30)))
        let impatient = HFClient.replaying(slow, token: canary) { $0.requestTimeout = .milliseconds(200); $0.logger = sink.logger }
        if let error = await Self.failure({ _ = try await impatient.inference.chat(request) }) { errors.append(error) }

        let large = try ReplayServer()
        large.serve(chat, at: Route("POST", "https://router.huggingface.co/v1/chat/completions"))
        let capped = HFClient.replaying(large, token: canary) { $0.maximumResponseSize = 64; $0.logger = sink.logger }
        if let error = await Self.failure({ _ = try await capped.inference.chat(request) }) { errors.append(error) }

        let patient = HFClient.replaying(slow, token: canary) { $0.logger = sink.logger }
        let call = Task { try await patient.inference.chat(request) }
        #expect(await slow.waitForRequests(count: 2, timeout: .seconds(10)))
        call.cancel()
        if case .failure(let error as HFError) = await call.result { errors.append(error) }

        let categories = Set(errors.map(\.category))
        #expect(categories == [.authentication, .rateLimited, .modelUnavailable, .api, .validation, .network, .decoding, .streamInterrupted, .timeout, .responseTooLarge, .cancelled])
        for error in errors {
            for text in Self.outputs(of: error) {
                #expect(!Self.leaks(text), "\(error.category) leaked it, or part of it, in: \(text)")
            }
        }
        // The echoes did reach the errors, scrubbed: the test would see a leak.
        #expect(errors.contains { $0.message.contains("rejected hf_***") })
        #expect(errors.contains { $0.underlyingDescription?.contains("errno 104 hf_***") == true })
        let logged = sink.all
        #expect(logged.contains { $0.contains("saw hf_***") })
        for line in logged {
            #expect(!Self.leaks(line), "a log event leaked it, or part of it: \(line)")
        }
    }
}
