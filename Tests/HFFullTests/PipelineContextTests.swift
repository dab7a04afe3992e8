import Foundation
import HFFull
import HFReplay
import HFTestSupport
import Testing

/// What a middleware sees: the context of every call at each level, a streamed body watched on
/// the reader's own task, and an operation moved to another provider. On recorded traffic served
/// by an in-memory transport, so the requests keep their real URLs.
@Suite("Request pipeline: context, stream observation, rerouting")
struct PipelineContextTests {
    static let chatCase = "TestInferenceClient.test_chat_completion_no_stream_together_conversational"
    static let streamCase = "TestInferenceClient.test_chat_completion_with_stream_together_conversational"
    static let embeddingCase = "TestInferenceClient.test_feature_extraction_with_sentence_transformers_hf-inference_feature-extraction"
    static let hfInferenceChatCase = "TestInferenceClient.test_chat_completion_no_stream_hf-inference_conversational"
    static let model: ModelID = "meta-llama/Meta-Llama-3-8B-Instruct"

    /// Records every context it is handed, and watches streamed bodies.
    final class Recorder: HFMiddleware, @unchecked Sendable {
        struct Seen: Sendable {
            let level: String
            let context: HFRequestContext
        }

        private let state = LockedState<(seen: [Seen], chunkBytes: Int, chunkTasks: Set<Int>, finished: Int, failed: Int)>(([], 0, [], 0, 0))

        var seen: [Seen] { state.withLock { $0.seen } }
        var chunkBytes: Int { state.withLock { $0.chunkBytes } }
        var chunkTasks: Set<Int> { state.withLock { $0.chunkTasks } }
        var finished: Int { state.withLock { $0.finished } }
        /// How many of the ends were errors.
        var failed: Int { state.withLock { $0.failed } }

        private func record(_ level: String, _ context: HFRequestContext) {
            state.withLock { $0.seen.append(Seen(level: level, context: context)) }
        }

        func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
            record("request", context)
            return try await next(request, context)
        }

        func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
            record("stream", context)
            let response = try await next(request, context)
            return HTTPStreamingResponse(head: response.head, body: response.body.observed(BodyWatcher(recorder: self)))
        }

        func interceptOperation<Result: Sendable>(
            _ context: HFRequestContext, next: @Sendable (HFRequestContext) async throws -> Result
        ) async throws -> Result {
            record("operation", context)
            return try await next(context)
        }

        struct BodyWatcher: HTTPBodyObserver {
            let recorder: Recorder

            func didReceive(_ chunk: Data) {
                let task = withUnsafeCurrentTask { $0?.hashValue } ?? 0
                recorder.state.withLock {
                    $0.chunkBytes += chunk.count
                    $0.chunkTasks.insert(task)
                }
            }

            func didFinish(error: (any Error)?) {
                recorder.state.withLock {
                    $0.finished += 1
                    if error != nil { $0.failed += 1 }
                }
            }
        }
    }

    static func client(_ transport: MemoryTransport, _ middleware: [any HFMiddleware]) -> HFClient {
        HFClient(configuration: .inMemory(), transport: transport, middleware: middleware)
    }

    @Test("chat: the operation, the Hub look-up and the inference request each carry their context")
    func chatContext() async throws {
        let recorder = Recorder()
        let client = Self.client(MemoryTransport(replaying: try RecordedCase.load(Self.chatCase)), [recorder])
        _ = try await client.inference.chat(ChatCompletionRequest(model: Self.model, messages: [.user("Hi")]), via: .provider(.together))

        let seen = recorder.seen
        #expect(seen.map(\.level) == ["operation", "operation", "request", "request"])
        let chat = try #require(seen.first { $0.level == "operation" && $0.context.operation == .chat }?.context)
        #expect(chat.task == .conversational && chat.model == Self.model && chat.provider == .together && !chat.isStreaming)
        let lookup = try #require(seen.first { $0.context.operation == .providerMapping && $0.level == "request" }?.context)
        #expect(lookup.model == Self.model && lookup.token == .ifHuggingFaceToken)
        let inference = try #require(seen.last?.context)
        #expect(inference.operation == .chat && inference.task == .conversational && inference.model == Self.model)
        #expect(inference.provider == .together && inference.attempt == 1 && inference.token == .required)
        #expect(inference.deadline > .now && inference.deadline <= .now + HFConfiguration.inMemory().requestTimeout)
    }

    @Test("streamed chat: the context, and every byte of the body watched on the reader's own task")
    func streamContext() async throws {
        let recorded = try RecordedCase.load(Self.streamCase)
        let recorder = Recorder()
        let client = Self.client(MemoryTransport(replaying: recorded), [recorder])
        let readerTask = withUnsafeCurrentTask { $0?.hashValue } ?? -1
        var text = ""
        for try await piece in try client.inference.chatStream(ChatCompletionRequest(model: Self.model, messages: [.user("Hi")]), via: .provider(.together)).text {
            text += piece
        }

        #expect(!text.isEmpty)
        let streamed = try #require(recorder.seen.first { $0.level == "stream" }?.context)
        #expect(streamed.operation == .chatStream && streamed.isStreaming && streamed.task == .conversational)
        #expect(streamed.model == Self.model && streamed.provider == .together && streamed.attempt == 1)
        #expect(recorder.seen.contains { $0.level == "operation" && $0.context.operation == .chatStream })
        // The observer saw the whole body, on the task that read it: no task of its own.
        #expect(recorder.chunkBytes == recorded.interactions[1].response.body.count)
        #expect(recorder.chunkTasks == [readerTask])
        // Ended by `[DONE]`: a normal end, not a cancelled body.
        #expect(recorder.finished == 1 && recorder.failed == 0)
    }

    @Test("a body dropped before its end is reported to an observer as the client's cancellation")
    func droppedBodyObserved() async throws {
        let recorded = try RecordedCase.load(Self.streamCase)
        let recorder = Recorder()
        let transport = MemoryTransport { _ in HTTPStreamingResponse(recorded: try #require(recorded.inferenceInteraction).response) }
        let client = Self.client(transport, [recorder])
        let ended = LockedState<[any Error]>([])
        struct EndWatcher: HTTPBodyObserver {
            let ended: LockedState<[any Error]>
            func didFinish(error: (any Error)?) { if let error { ended.withLock { $0.append(error) } } }
        }
        do {
            let response = try await client.stream(client.makeRequest(.post, url: URL(string: "https://router.huggingface.co/v1/chat/completions")!))
            _ = response.body.observed(EndWatcher(ended: ended))
        }
        let error = try #require(ended.withLock { $0 }.only as? HFError)
        #expect(error.category == .cancelled)
        #expect(recorder.finished == 1 && recorder.failed == 1)
    }

    @Test("embeddings: the context names the task, the model and hf-inference")
    func embeddingsContext() async throws {
        let recorded = try RecordedCase.load(Self.embeddingCase)
        let recorder = Recorder()
        let transport = MemoryTransport { request in
            // Recorded on the legacy pipeline path; hf-inference answers today's route the same way.
            HTTPStreamingResponse(recorded: try #require(recorded.inferenceInteraction).response)
        }
        let client = Self.client(transport, [recorder])
        _ = try await client.embeddings.embed("Hi, who are you?", model: "facebook/bart-base")

        let request = try #require(recorder.seen.last { $0.level == "request" }?.context)
        #expect(request.operation == .embeddings && request.task == .featureExtraction)
        #expect(request.model == "facebook/bart-base" && request.provider == .hfInference && request.attempt == 1)
        #expect(transport.requests.only?.url.absoluteString == "https://router.huggingface.co/hf-inference/models/facebook/bart-base/pipeline/feature-extraction")
    }

    /// Moves a call whose provider is unavailable to `fallback`, at the operation level.
    struct Failover: HFMiddleware {
        let fallback: Provider

        func interceptOperation<Result: Sendable>(
            _ context: HFRequestContext, next: @Sendable (HFRequestContext) async throws -> Result
        ) async throws -> Result {
            do {
                return try await next(context)
            } catch let error as HFError where error.category == .modelUnavailable && context.provider != fallback {
                var moved = context
                moved.provider = fallback
                return try await next(moved)
            }
        }
    }

    /// Answers the first inference request 503 (a fault on the recorded reply), the rest with
    /// `reply`; Hub look-ups with the recorded mapping.
    static func flakyTransport(mapping: RecordedCase, reply: RecordedResponse) -> MemoryTransport {
        let posts = LockedState(0)
        return MemoryTransport { request in
            guard request.method == .post else {
                return HTTPStreamingResponse(recorded: mapping.interactions[0].response)
            }
            let first = posts.withLock { count in
                defer { count += 1 }
                return count == 0
            }
            var response = HTTPStreamingResponse(recorded: reply)
            if first { response.head.status = 503 }
            return response
        }
    }

    @Test("an operation middleware moves a provider's call to another provider: route, model id and body resolved again")
    func reroutePinnedProvider() async throws {
        let mapping = try RecordedCase.load(Self.chatCase)
        let reply = try #require(try RecordedCase.load(Self.hfInferenceChatCase).inferenceInteraction).response
        let transport = Self.flakyTransport(mapping: mapping, reply: reply)
        let client = Self.client(transport, [Failover(fallback: .hfInference)])

        let completion = try await client.inference.chat(ChatCompletionRequest(model: Self.model, messages: [.user("Hi")]), via: .provider(.together))

        #expect(completion.text?.isEmpty == false)
        let posts = transport.requests.filter { $0.method == .post }
        try #require(posts.count == 2)
        #expect(posts[0].url.absoluteString == "https://router.huggingface.co/together/v1/chat/completions")
        #expect(try JSONValue(parsing: posts[0].body ?? Data())["model"] == "meta-llama/Meta-Llama-3-8B-Instruct-Turbo")
        #expect(posts[1].url.absoluteString == "https://router.huggingface.co/hf-inference/models/meta-llama/Meta-Llama-3-8B-Instruct/v1/chat/completions")
        #expect(try JSONValue(parsing: posts[1].body ?? Data())["model"] == "meta-llama/Meta-Llama-3-8B-Instruct")
    }

    @Test("through the router, moving to another provider changes the model id's suffix")
    func rerouteThroughRouter() async throws {
        let mapping = try RecordedCase.load(Self.chatCase)
        let reply = try #require(mapping.inferenceInteraction).response
        let transport = Self.flakyTransport(mapping: mapping, reply: reply)
        let client = Self.client(transport, [Failover(fallback: .together)])

        _ = try await client.inference.chat(ChatCompletionRequest(model: Self.model.routed(to: .cerebras), messages: [.user("Hi")]))

        let posts = transport.requests.filter { $0.method == .post }
        try #require(posts.count == 2)
        #expect(posts.allSatisfy { $0.url.absoluteString == "https://router.huggingface.co/v1/chat/completions" })
        #expect(try JSONValue(parsing: posts[0].body ?? Data())["model"] == "meta-llama/Meta-Llama-3-8B-Instruct:cerebras")
        #expect(try JSONValue(parsing: posts[1].body ?? Data())["model"] == "meta-llama/Meta-Llama-3-8B-Instruct:together")
    }

    @Test("a call to your own endpoint is not moved to a provider: the operation fails, naming why")
    func endpointIsNotRerouted() async throws {
        let reply = try #require(try RecordedCase.load(Self.chatCase).inferenceInteraction).response
        let transport = MemoryTransport { _ in
            var response = HTTPStreamingResponse(recorded: reply)
            response.head.status = 503
            return response
        }
        let client = Self.client(transport, [Failover(fallback: .together)])
        let error = await #expect(throws: HFError.self) {
            try await client.inference.chat(ChatCompletionRequest(model: "tgi", messages: [.user("Hi")]), via: .endpoint(URL(string: "http://localhost:8080")!))
        }
        #expect(error?.category == .validation)
        #expect(error?.field == "provider")
        #expect(transport.requests.count == 1)
    }
}
