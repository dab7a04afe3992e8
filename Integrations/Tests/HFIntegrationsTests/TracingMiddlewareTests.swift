import Foundation
import HFCore
import HFEmbeddings
import HFInference
import HFReplay
import HFStreaming
import HFTracing
import InMemoryTracing
import Testing
import Tracing

/// The tracing middleware over recorded traffic: one span per operation with its attributes, open
/// until a stream's body ends, failed with the caller's error category, and its context sent on.
@Suite("Tracing middleware")
struct TracingMiddlewareTests {
    /// The one finished span named `name`, and every other finished span, which must be its
    /// children (the call's Hub look-up).
    static func span(_ name: String, of tracer: InMemoryTracer) throws -> FinishedInMemorySpan {
        let spans = tracer.finishedSpans
        let matching = spans.filter { $0.operationName == name }
        #expect(matching.count == 1, "spans: \(spans.map(\.operationName))")
        let span = try #require(matching.first)
        for other in spans where other.spanID != span.spanID {
            #expect(other.operationName == "hf.providerMapping" && other.parentSpanID == span.spanID)
        }
        return span
    }

    @Test("a chat: one client span, a child of the caller's, with operation, model, provider and status; its context reaches the server")
    func chat() async throws {
        let server = try ReplayServer(case: RecordedCase.load(Replayed.chat))
        let tracer = InMemoryTracer()
        let client = Replayed.client(server, middleware: [TracingMiddleware(tracer: tracer)])

        let reply = try await tracer.withSpan("caller") { _ in
            try await client.inference.chat(Replayed.chatRequest, via: .provider(.hfInference))
        }

        #expect(reply.text?.isEmpty == false)
        let caller = try #require(tracer.finishedSpans.first { $0.operationName == "caller" })
        let span = try #require(tracer.finishedSpans.first { $0.operationName == "hf.chat" })
        #expect(span.parentSpanID == caller.spanID && span.traceID == caller.traceID)
        #expect(span.kind == .client)
        #expect(span.attributes.get("gen_ai.operation.name") == "chat")
        #expect(span.attributes.get("gen_ai.request.model") == "meta-llama/Llama-3.1-8B-Instruct")
        #expect(span.attributes.get("gen_ai.provider.name") == "hf-inference")
        #expect(span.attributes.get("http.response.status_code") == 200)
        #expect(span.attributes.get("error.type") == nil && span.status == nil)
        #expect(span.attributes.get("hf.time_to_first_token_ms") == nil)

        let inference = try #require(server.requests.last)
        #expect(inference.path.hasSuffix("/chat/completions"))
        #expect(inference.header(InMemoryTracer.traceIDKey) == span.traceID)
        #expect(inference.header(InMemoryTracer.spanIDKey) == span.spanID)
    }

    @Test("a recorded stream: the span stays open until the body ends, with the time to first token and a first-token event")
    func stream() async throws {
        let server = try ReplayServer(case: RecordedCase.load(Replayed.chatStream), plan: .eventStream(delayBetweenEvents: .milliseconds(2)))
        let tracer = InMemoryTracer()
        let client = Replayed.client(server, middleware: [TracingMiddleware(tracer: tracer)])
        let stream = try client.inference.chatStream(Replayed.chatRequest, via: .provider(.hfInference))

        var chunks = stream.makeAsyncIterator()
        _ = try #require(try await chunks.next())
        #expect(tracer.activeSpans.map(\.operationName).contains("hf.chat.stream"))
        #expect(!tracer.finishedSpans.map(\.operationName).contains("hf.chat.stream"))
        while try await chunks.next() != nil {}

        let span = try Self.span("hf.chat.stream", of: tracer)
        #expect(span.attributes.get("gen_ai.provider.name") == "hf-inference")
        #expect(span.attributes.get("http.response.status_code") == 200)
        #expect(span.status == nil)
        guard case .double(let firstToken)? = span.attributes.get("hf.time_to_first_token_ms") else {
            Issue.record("no time to first token: \(span.attributes)")
            return
        }
        #expect(firstToken > 0)
        #expect(span.events.map(\.name) == ["first token"])
    }

    @Test("failures: the caller's category and the status on the span, never the error's text", arguments: [
        (429, "rateLimited"), (401, "authentication"), (503, "modelUnavailable"),
    ])
    func failure(_ status: Int, _ category: String) async throws {
        let server = try Replayed.embeddingsServer(plans: [.status(status)])
        let tracer = InMemoryTracer()
        let client = Replayed.client(server, middleware: [TracingMiddleware(tracer: tracer)])

        let error = await #expect(throws: HFError.self) { try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2) }

        #expect(error?.category.name == category)
        let span = try Self.span("hf.embeddings", of: tracer)
        #expect(span.attributes.get("http.response.status_code") == .int64(Int64(status)))
        #expect(span.attributes.get("error.type") == .string(category))
        #expect(span.status == SpanStatus(code: .error, message: category))
        #expect(span.errors.isEmpty)
    }

    @Test("a stream cut after its first event ends its span as interrupted, after its first token")
    func streamInterrupted() async throws {
        let recorded = try RecordedCase.load(Replayed.chatStream)
        let body = try #require(recorded.interactions.first { $0.request.method == "POST" }?.response.body)
        // The connection ends with the first event: the reader has had a chunk, and no more comes.
        var plan = ResponsePlan.eventStream(delayBetweenEvents: .milliseconds(2))
        plan.fault = .truncateAfter(bytes: try #require(body.firstRange(of: Data("\n\n".utf8))).upperBound)
        let server = try ReplayServer(case: recorded, plan: plan)
        let tracer = InMemoryTracer()
        let client = Replayed.client(server, middleware: [TracingMiddleware(tracer: tracer)])

        let error = await #expect(throws: HFError.self) {
            try await client.inference.chatStream(Replayed.chatRequest, via: .provider(.hfInference)).collectText()
        }

        #expect(error?.category == .streamInterrupted)
        let span = try Self.span("hf.chat.stream", of: tracer)
        #expect(span.attributes.get("error.type") == "streamInterrupted")
        #expect(span.status?.code == .error)
        #expect(span.events.map(\.name) == ["first token"])
    }
}
