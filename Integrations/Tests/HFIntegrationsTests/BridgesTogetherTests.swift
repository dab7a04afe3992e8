import HFCore
import HFEnterprise
import HFInference
import HFLogging
import HFMetrics
import HFReplay
import HFStreaming
import HFTracing
import InMemoryLogging
import InMemoryTracing
import Logging
import MetricsTestKit
import Testing

/// The README's set-up: the three bridges on one client, over one recorded stream.
@Suite("Bridges together")
struct BridgesTogetherTests {
    @Test("one streamed chat: one span, one set of metrics, and the log records of its request")
    func together() async throws {
        let server = try ReplayServer(case: RecordedCase.load(Replayed.chatStream), plan: .eventStream(delayBetweenEvents: .milliseconds(2)))
        var handler = InMemoryLogHandler()
        handler.logLevel = .debug
        let logger = Logger(label: "hf", factory: { [handler] _ in handler })
        let metrics = TestMetrics()
        let tracer = InMemoryTracer()
        let recorder = MetricsRecorder(observer: SwiftMetricsBridge(factory: metrics).record)
        let client = Replayed.client(server, middleware: [
            TracingMiddleware(tracer: tracer),
            MetricsMiddleware(recorder: recorder),
        ], logger: .swiftLog(logger))

        let text = try await client.inference.chatStream(Replayed.chatRequest, via: .provider(.hfInference)).collectText()

        #expect(!text.isEmpty)
        #expect(tracer.finishedSpans.map(\.operationName) == ["hf.chat.stream"])
        #expect(metrics.counterTotal(label: "hf_requests_total") == 1)
        #expect(metrics.timers(label: "hf_time_to_first_token_seconds").map(\.values.count) == [1])
        #expect(handler.entries.map { "\($0.message)" } == ["request.finished", "stream.finished"])
    }
}
