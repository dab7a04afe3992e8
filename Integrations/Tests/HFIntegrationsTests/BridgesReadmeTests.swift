import CoreMetrics
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
import Tracing

/// The README's bridges section, run over a recorded stream with the three systems bootstrapped
/// (once for the process: nothing else here uses the global systems).
@Suite("Bridges README")
struct BridgesReadmeTests {
    /// What the README's defaults reach: the bootstrapped handler, backend and tracer.
    struct Backends: Sendable {
        let log = InMemoryLogHandler()
        let metrics = TestMetrics()
        let tracer = InMemoryTracer()
    }

    static let bootstrapped: Backends = {
        let backends = Backends()
        LoggingSystem.bootstrap { _ in
            var handler = backends.log
            handler.logLevel = .debug
            return handler
        }
        MetricsSystem.bootstrap(backends.metrics)
        InstrumentationSystem.bootstrap(backends.tracer)
        return backends
    }()

    @Test("the README's set-up: one streamed chat gives one span, its metrics and its log records")
    func readme() async throws {
        let backends = Self.bootstrapped
        let server = try ReplayServer(case: RecordedCase.load(Replayed.chatStream), plan: .eventStream(delayBetweenEvents: .milliseconds(2)))
        var configuration = Replayed.configuration(server)

        // README bridges begins
        // With LoggingSystem, MetricsSystem and InstrumentationSystem bootstrapped:
        configuration.logger = .swiftLog(Logger(label: "hf"))   // at the Logger's level; never the token
        let recorder = MetricsRecorder(observer: SwiftMetricsBridge().record)
        let client = HFClient(configuration: configuration, middleware: [
            TracingMiddleware(),                     // first: one span per call, however many attempts
            MetricsMiddleware(recorder: recorder),
        ])
        let answer = try await client.inference.chatStream("Count to 10", model: .llama3_1_8BInstruct, via: .provider(.hfInference)).collectText()
        // One span (hf.chat.stream, with its time to first token), hf_requests_total and
        // hf_time_to_first_token_seconds, and the request's records at debug and above.
        // README bridges ends

        #expect(!answer.isEmpty)
        let span = try #require(backends.tracer.finishedSpans.first { $0.operationName == "hf.chat.stream" })
        #expect(span.attributes.get("hf.time_to_first_token_ms") != nil)
        #expect(backends.metrics.counterTotal(label: "hf_requests_total") == 1)
        #expect(backends.metrics.timers(label: "hf_time_to_first_token_seconds").map(\.values.count) == [1])
        #expect(backends.log.entries.map { "\($0.message)" } == ["request.finished", "stream.finished"])
    }
}
