import Foundation
import HFEmbeddings
import HFInference
import HFReplay
import HFStreaming
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The metrics middleware over recorded traffic: latencies by the injected clock, errors by
/// category under status-only fault plans, bytes equal to what the server served, time to first
/// token of a recorded stream, keys, and many concurrent calls.
@Suite("Metrics middleware")
struct MetricsMiddlewareTests {
    static let embeddingsKey = MetricsKey(operation: .embeddings, model: .allMiniLML6v2, provider: .hfInference)

    @Test("latencies come from the injected clock: 100 calls of 1…100 ms give exact count, sum, min, max and throughput, percentiles within 1/64")
    func scriptedLatencies() async throws {
        let server = try Recorded.embeddingsServer()
        let clock = ManualClock()
        let recorder = MetricsRecorder(clock: clock)
        // A fixed shuffle of 1…100 ms, so order does not decide the result.
        var random = SplitMix64(seed: 7)
        let latencies = (1...100).map { Duration.milliseconds($0) }.shuffled(using: &random)
        let script = ScriptedLatency(clock: clock, latency: { latencies[$0] })
        let client = HFClient.replaying(server, middleware: [MetricsMiddleware(recorder: recorder), script])

        for _ in latencies { _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2) }

        let snapshot = recorder.snapshot()
        #expect(Array(snapshot.keys.keys) == [Self.embeddingsKey])
        let summary = try #require(snapshot.keys[Self.embeddingsKey])
        #expect(summary.requests == 100 && summary.failures == 0 && summary.errorRate == 0)
        #expect(summary.latency.sum == .milliseconds(5050))
        #expect(summary.latency.min == .milliseconds(1) && summary.latency.max == .milliseconds(100))
        for (percent, exact) in [(50.0, 50.0), (95, 95), (99, 99)] {
            let measured = try #require(summary.latency.percentile(percent))
            #expect(abs(MetricsHistogramTests.seconds(measured) * 1000 - exact) / exact <= LatencyHistogram.relativeError)
        }
        #expect(snapshot.elapsed == .milliseconds(5050))
        #expect(abs(summary.throughput - 100 / 5.05) < 1e-9)
        #expect(summary.timeToFirstToken.count == 0)
        #expect(snapshot.totals == summary)
    }

    @Test("errors by category over real replies with status-only faults; bytes equal the served bodies")
    func errorsByCategory() async throws {
        let plans: [ResponsePlan?] = [
            nil,
            .status(429, headers: ["Retry-After": "2"]),
            .status(503, body: .empty),
            .status(401),
            .status(500),
            .status(504, body: .empty),
            nil,
        ]
        let server = try Recorded.embeddingsServer(plans: plans)
        let recorder = MetricsRecorder()
        let client = HFClient.replaying(server, middleware: [MetricsMiddleware(recorder: recorder)])

        var caught: [HFError.Category] = []
        for _ in plans {
            do {
                _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)
            } catch let error as HFError {
                caught.append(error.category)
            }
        }

        let summary = try #require(recorder.snapshot().keys[Self.embeddingsKey])
        #expect(caught == [.rateLimited, .modelUnavailable, .authentication, .api, .timeout])
        #expect(summary.requests == 7)
        #expect(summary.errors == [.rateLimited: 1, .modelUnavailable: 1, .authentication: 1, .api: 1, .timeout: 1])
        #expect(summary.errorRate == 5.0 / 7)
        #expect(server.requests.count == 7)
        #expect(summary.bytesSent == server.requests.map(\.body.count).reduce(0, +))
        #expect(summary.bytesReceived == server.responses.map(\.bodyLength).reduce(0, +))
        // Five bodies of the recorded reply went out: two successes, and those of the 429, the 401 and the 500.
        #expect(summary.bytesReceived == 5 * Recorded.miniLM.response.body.count)
    }

    @Test("a recorded stream: time to first token by the clock, latency to the body's end, bytes as served")
    func streamTimeToFirstToken() async throws {
        let recorded = try RecordedCase.load(Recorded.chatStream)
        let server = try ReplayServer(case: recorded, plan: .eventStream(delayBetweenEvents: .milliseconds(2)))
        let clock = ManualClock()
        let recorder = MetricsRecorder(clock: clock)
        let script = ScriptedLatency(clock: clock, head: .milliseconds(120), perChunk: .milliseconds(10))
        let client = HFClient.replaying(server, middleware: [MetricsMiddleware(recorder: recorder), script])
        let request = ChatCompletionRequest(model: .llama3_1_8BInstruct, messages: [.user("Count to 10")], maxTokens: 20)

        let text = try await client.inference.chatStream(request, via: .provider(.hfInference)).collectText()

        #expect(!text.isEmpty)
        let key = MetricsKey(operation: .chatStream, model: .llama3_1_8BInstruct, provider: .hfInference)
        let summary = try #require(recorder.snapshot().keys[key])
        #expect(summary.requests == 1 && summary.failures == 0)
        #expect(summary.timeToFirstToken.count == 1)
        #expect(summary.timeToFirstToken.min == .milliseconds(130))
        let chunks = script.chunks.withLock { $0 }
        #expect(chunks >= 1)
        #expect(summary.latency.min == .milliseconds(120) + .milliseconds(10) * chunks)
        #expect(summary.bytesReceived == server.responses.map(\.bodyLength).reduce(0, +))
        #expect(summary.bytesReceived == recorded.inferenceInteraction?.response.body.count)
        #expect(summary.bytesSent == server.requests.last?.body.count)
    }

    @Test("a stream cut after its first events counts as interrupted, with the bytes that arrived and its first token")
    func streamInterrupted() async throws {
        let recorded = try RecordedCase.load(Recorded.chatStream)
        let body = try #require(recorded.inferenceInteraction?.response.body)
        // The end of the second event: the cut falls on a piece boundary.
        let first = try #require(body.firstRange(of: Data("\n\n".utf8)))
        let cut = try #require(body[first.upperBound...].firstRange(of: Data("\n\n".utf8))).upperBound
        var plan = ResponsePlan.eventStream(delayBetweenEvents: .milliseconds(2))
        plan.fault = .truncateAfter(bytes: cut)
        let server = try ReplayServer(case: recorded, plan: plan)
        let recorder = MetricsRecorder()
        let client = HFClient.replaying(server, middleware: [MetricsMiddleware(recorder: recorder)])
        let request = ChatCompletionRequest(model: .llama3_1_8BInstruct, messages: [.user("Count to 10")], maxTokens: 20)

        let error = await #expect(throws: HFError.self) {
            try await client.inference.chatStream(request, via: .provider(.hfInference)).collectText()
        }

        #expect(error?.category == .streamInterrupted)
        let summary = recorder.snapshot().totals
        #expect(summary.requests == 1)
        #expect(summary.errors == [.streamInterrupted: 1])
        #expect(summary.bytesReceived == cut)
        #expect(summary.timeToFirstToken.count == 1)
    }

    @Test("a stream its reader leaves early counts as cancelled")
    func streamLeftEarly() async throws {
        let server = try ReplayServer(case: try RecordedCase.load(Recorded.chatStream), plan: .eventStream(delayBetweenEvents: .milliseconds(2)))
        let recorder = MetricsRecorder()
        let client = HFClient.replaying(server, middleware: [MetricsMiddleware(recorder: recorder)])
        let request = ChatCompletionRequest(model: .llama3_1_8BInstruct, messages: [.user("Count to 10")], maxTokens: 20)

        for try await _ in try client.inference.chatStream(request, via: .provider(.hfInference)) { break }

        let summary = recorder.snapshot().totals
        #expect(summary.requests == 1)
        #expect(summary.errors == [.cancelled: 1])
    }

    @Test("a call's Hub look-up is a call of its own; the chat is keyed by the provider that answered")
    func nestedLookup() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational")
        let server = try ReplayServer(case: recorded)
        let recorder = MetricsRecorder()
        let client = HFClient.replaying(server, middleware: [MetricsMiddleware(recorder: recorder)])
        let model = ModelID(rawValue: try #require(recorded.hubModelID))

        _ = try await client.inference.chat(ChatCompletionRequest(model: model, messages: [.user("What is deep learning?")]), via: .provider(.cerebras))

        let keys = recorder.snapshot().keys
        #expect(Set(keys.keys) == [
            MetricsKey(operation: .providerMapping, model: model),
            MetricsKey(operation: .chat, model: model, provider: .cerebras),
        ])
        let responses = server.responses
        try #require(responses.count == 2)
        #expect(keys[MetricsKey(operation: .providerMapping, model: model)]?.bytesReceived == responses[0].bodyLength)
        #expect(keys[MetricsKey(operation: .chat, model: model, provider: .cerebras)]?.bytesReceived == responses[1].bodyLength)
        #expect(keys.values.allSatisfy { $0.requests == 1 && $0.failures == 0 })
    }

    @Test("50 concurrent calls through one recorder: none lost, bytes add up; the observer hears each")
    func concurrentCalls() async throws {
        let server = try Recorded.embeddingsServer()
        let heard = LockedState<[MetricsMeasurement]>([])
        let recorder = MetricsRecorder { measurement in heard.withLock { $0.append(measurement) } }
        let client = HFClient.replaying(server, middleware: [MetricsMiddleware(recorder: recorder)])

        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask { _ = try await client.embeddings.embed("text \(index)", model: .allMiniLML6v2) }
            }
            try await group.waitForAll()
        }

        let summary = try #require(recorder.snapshot().keys[Self.embeddingsKey])
        #expect(summary.requests == 50)
        #expect(summary.bytesSent == server.requests.map(\.body.count).reduce(0, +))
        #expect(summary.bytesReceived == 50 * Recorded.miniLM.response.body.count)
        let measurements = heard.withLock { $0 }
        #expect(measurements.count == 50)
        #expect(measurements.map(\.bytesSent).reduce(0, +) == summary.bytesSent)
        #expect(measurements.map(\.latency).reduce(.zero, +) == summary.latency.sum)
    }

    @Test("1 000 tasks recording at once lose nothing; reset returns what it forgets and starts again")
    func concurrentRecording() async {
        let clock = ManualClock()
        let recorder = MetricsRecorder(clock: clock)
        let operations: [HFOperation] = [.chat, .embeddings, .chatStream, .sentenceSimilarity]
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<1000 {
                group.addTask {
                    recorder.record(MetricsMeasurement(
                        key: MetricsKey(operation: operations[index % 4], model: .allMiniLML6v2),
                        latency: .milliseconds(index), error: index % 10 == 0 ? .timeout : nil, bytesSent: 3, bytesReceived: 5
                    ))
                }
            }
        }
        clock.advance(by: .seconds(4))
        let forgotten = recorder.reset()
        #expect(forgotten.totals.requests == 1000)
        #expect(forgotten.keys.values.map(\.requests) == [250, 250, 250, 250])
        #expect(forgotten.totals.errors == [.timeout: 100])
        #expect(forgotten.totals.bytesSent == 3000 && forgotten.totals.bytesReceived == 5000)
        #expect(forgotten.totals.latency.sum == .milliseconds(499_500))
        #expect(forgotten.totals.throughput == 250)
        #expect(forgotten.summary(for: .chat).requests == 250)
        let fresh = recorder.snapshot()
        #expect(fresh.totals.requests == 0 && fresh.keys.isEmpty && fresh.elapsed == .zero)
    }
}
