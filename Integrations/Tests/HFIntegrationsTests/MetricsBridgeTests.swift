import CoreMetrics
import Foundation
import HFCore
import HFEmbeddings
import HFEnterprise
import HFInference
import HFMetrics
import HFReplay
import HFStreaming
import MetricsTestKit
import Testing

/// The swift-metrics bridge over recorded traffic: a test backend receives what the library's
/// recorder measured, call by call, with the same latencies, errors and bytes.
@Suite("swift-metrics bridge")
struct MetricsBridgeTests {
    /// Whole nanoseconds, as a swift-metrics timer records a `Duration`.
    static func nanoseconds(_ duration: Duration?) throws -> Int64 {
        let (seconds, attoseconds) = try #require(duration).components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    static let embeddings = [("operation", "embeddings"), ("model", "sentence-transformers/all-MiniLM-L6-v2"), ("provider", "hf-inference")]

    @Test("real replies under status faults: request and error counters by category, one latency per call equal to the recorder's")
    func errorsAndLatency() async throws {
        let plans: [ResponsePlan?] = [nil, .status(429, headers: ["Retry-After": "2"]), .status(401), nil, .status(503, body: .empty)]
        let server = try Replayed.embeddingsServer(plans: plans)
        let metrics = TestMetrics()
        let recorder = MetricsRecorder(observer: SwiftMetricsBridge(factory: metrics).record)
        let client = Replayed.client(server, middleware: [MetricsMiddleware(recorder: recorder)])

        for _ in plans { _ = try? await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2) }

        #expect(try metrics.expectCounter("hf_requests_total", Self.embeddings + [("outcome", "ok")]).totalValue == 2)
        for category in ["rateLimited", "authentication", "modelUnavailable"] {
            #expect(try metrics.expectCounter("hf_requests_total", Self.embeddings + [("outcome", category)]).totalValue == 1)
            #expect(try metrics.expectCounter("hf_request_errors_total", Self.embeddings + [("category", category)]).totalValue == 1)
        }
        #expect(metrics.counterTotal(label: "hf_request_errors_total") == 3)

        let summary = recorder.snapshot().totals
        let latencies = try metrics.expectTimer("hf_request_duration_seconds", Self.embeddings).values
        #expect(latencies.count == plans.count)
        #expect(try Self.nanoseconds(summary.latency.sum) == latencies.reduce(0, +))
        #expect(metrics.timers(label: "hf_time_to_first_token_seconds").isEmpty)
        #expect(try metrics.expectCounter("hf_request_body_bytes_total", Self.embeddings).totalValue == Int64(summary.bytesSent))
        #expect(try metrics.expectCounter("hf_response_body_bytes_total", Self.embeddings).totalValue == Int64(server.responses.map(\.bodyLength).reduce(0, +)))
    }

    @Test("a recorded stream: time to first token and latency as the recorder measured them, by model and provider")
    func stream() async throws {
        let server = try ReplayServer(case: RecordedCase.load(Replayed.chatStream), plan: .eventStream(delayBetweenEvents: .milliseconds(2)))
        let metrics = TestMetrics()
        let recorder = MetricsRecorder(observer: SwiftMetricsBridge(factory: metrics).record)
        let client = Replayed.client(server, middleware: [MetricsMiddleware(recorder: recorder)])

        _ = try await client.inference.chatStream(Replayed.chatRequest, via: .provider(.hfInference)).collectText()

        let dimensions = [("operation", "chat.stream"), ("model", "meta-llama/Llama-3.1-8B-Instruct"), ("provider", "hf-inference")]
        let key = MetricsKey(operation: .chatStream, model: .llama3_1_8BInstruct, provider: .hfInference)
        let summary = try #require(recorder.snapshot().keys[key])
        let firstToken = try metrics.expectTimer("hf_time_to_first_token_seconds", dimensions).values
        #expect(firstToken == [try Self.nanoseconds(summary.timeToFirstToken.min)])
        #expect(try metrics.expectTimer("hf_request_duration_seconds", dimensions).values == [try Self.nanoseconds(summary.latency.min)])
        #expect(try firstToken[0] <= Self.nanoseconds(summary.latency.sum))
        #expect(try metrics.expectCounter("hf_requests_total", dimensions + [("outcome", "ok")]).totalValue == 1)
    }

    @Test("without the model dimension, and with another prefix")
    func options() async throws {
        let server = try Replayed.embeddingsServer()
        let metrics = TestMetrics()
        let bridge = SwiftMetricsBridge(prefix: "inference", includesModel: false, factory: metrics)
        let client = Replayed.client(server, middleware: [MetricsMiddleware(recorder: MetricsRecorder(observer: bridge.record))])

        _ = try await client.embeddings.embed("Hi, who are you?", model: .allMiniLML6v2)

        let timer = try metrics.expectTimer("inference_request_duration_seconds", [("operation", "embeddings"), ("provider", "hf-inference")])
        #expect(timer.values.count == 1)
        #expect(metrics.timers(label: "hf_request_duration_seconds").isEmpty)
    }
}
