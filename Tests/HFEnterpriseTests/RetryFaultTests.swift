import Foundation
import HFInference
import HFReplay
import HFStreaming
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The retry middleware on a real client against the replay server: faults injected on top of
/// recorded replies (status-only plans, resets), time on a clock that skips every wait. Each storm
/// prints what it measured.
@Suite("Retry faults")
struct RetryFaultTests {
    static let chatCase = "TestInferenceClient.test_chat_completion_no_stream_hf-inference_conversational"
    static let streamCase = "TestInferenceClient.test_chat_completion_with_stream_hf-inference_conversational"
    static let model: ModelID = "meta-llama/Llama-3.1-8B-Instruct"

    /// Notes each attempt that reaches the operation level inside the retry middleware.
    struct AttemptLog: HFMiddleware {
        let entries = LockedState<[String]>([])

        var attempts: [String] { entries.withLock { $0 } }

        func interceptOperation<Result: Sendable>(
            _ context: HFRequestContext, next: @Sendable (HFRequestContext) async throws -> Result
        ) async throws -> Result {
            entries.withLock { $0.append("\(context.operation) #\(context.attempt)") }
            return try await next(context)
        }
    }

    /// What a storm of calls came to.
    struct Outcome: CustomStringConvertible {
        var calls = 0
        var successes = 0
        var failures: [HFError.Category: Int] = [:]
        var requests = 0
        var waits: [Duration] = []

        var successRate: Double { Double(successes) / Double(calls) }

        var description: String {
            let waited = waits.reduce(Duration.zero, +)
            return "\(successes)/\(calls) calls succeeded (\(String(format: "%.1f", successRate * 100)) %), \(requests) requests sent, "
                + "\(waits.count) waits totalling \(waited.formattedSeconds) on the clock (longest \((waits.max() ?? .zero).formattedSeconds)), failures \(failures)"
        }
    }

    /// The recorded reply as recorded.
    static let ok = ResponsePlan()

    /// Sends `calls` chats one after another through a retry middleware with `policy` on a
    /// skipping clock. The server answers the requests, in the order they come, with the recorded
    /// reply delivered as `replies` says, then as recorded.
    static func storm(calls: Int, policy: RetryPolicy, replies: [ResponsePlan]) async throws -> Outcome {
        let chat = try #require(try RecordedCase.load(chatCase).inferenceInteraction)
        let server = try ReplayServer()
        for plan in replies + [ok] { server.serve(chat, plan: plan) }
        let clock = SkippingClock()
        let client = HFClient.replaying(server, middleware: [RetryMiddleware(policy: policy, clock: clock)])
        var outcome = Outcome(calls: calls)
        for _ in 0..<calls {
            do {
                let answer = try await client.inference.chat("What is deep learning?", model: model, via: .provider(.hfInference))
                if answer.hasPrefix("Deep learning") { outcome.successes += 1 }
            } catch let error as HFError {
                outcome.failures[error.category, default: 0] += 1
            }
        }
        outcome.requests = server.requests.count
        outcome.waits = clock.waits
        return outcome
    }

    /// The same jitter in every run.
    static var seeded: RetryPolicy.RandomSource { RetryPolicy.RandomSource(SplitMix64(seed: 10)) }

    @Test("429 storm with Retry-After: every call waits the server's 2 s twice, then succeeds")
    func rateLimitStorm() async throws {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), random: Self.seeded)
        let limited = ResponsePlan.status(429, headers: ["Retry-After": "2"])
        let outcome = try await Self.storm(calls: 50, policy: policy, replies: Array(repeating: [limited, limited, Self.ok], count: 50).flatMap { $0 })
        print("429 storm:", outcome)
        #expect(outcome.successes == 50)
        #expect(outcome.requests == 150)
        #expect(outcome.waits.count == 100)
        #expect(outcome.waits.allSatisfy { $0 == .seconds(2) })
    }

    @Test("429 storm whose Retry-After asks an hour: each wait is capped at maxServerWait; a lasting storm ends at the attempt limit")
    func rateLimitCapped() async throws {
        let policy = RetryPolicy(maxAttempts: 3, maxElapsedTime: .seconds(600), maxServerWait: .seconds(30), random: Self.seeded)
        let hour = ResponsePlan.status(429, headers: ["Retry-After": "3600"])
        // Five calls get through on their third attempt; five more meet nothing but 429s.
        let replies = Array(repeating: [hour, hour, Self.ok], count: 5).flatMap { $0 } + Array(repeating: hour, count: 15)
        let outcome = try await Self.storm(calls: 10, policy: policy, replies: replies)
        print("429 storm, Retry-After 3600 s:", outcome)
        #expect(outcome.successes == 5)
        #expect(outcome.failures == [.rateLimited: 5])
        #expect(outcome.waits.count == 20)
        #expect(outcome.waits.allSatisfy { $0 == .seconds(30) })
    }

    @Test("503 storm (status-only: no recorded 503 carries estimated_time): backoff within the full-jitter bounds, then success")
    func unavailableStorm() async throws {
        let policy = RetryPolicy(baseDelay: .milliseconds(500), random: Self.seeded)
        let replies: [ResponsePlan] = [.status(503, body: .empty), .status(503, headers: ["Retry-After": "5"], body: .empty), Self.ok]
        let outcome = try await Self.storm(calls: 50, policy: policy, replies: Array(repeating: replies, count: 50).flatMap { $0 })
        print("503 storm:", outcome)
        #expect(outcome.successes == 50)
        #expect(outcome.requests == 150)
        let (first, second) = (stride(from: 0, to: 100, by: 2).map { outcome.waits[$0] }, stride(from: 1, to: 100, by: 2).map { outcome.waits[$0] })
        #expect(first.allSatisfy { $0 <= .milliseconds(500) })
        #expect(first.contains { $0 < .milliseconds(100) } && first.contains { $0 > .milliseconds(400) })
        #expect(second.allSatisfy { $0 == .seconds(5) })
    }

    @Test("connection resets after the head (.resetAfter(bytes: 0)): a whole reply not yet handed over is asked again")
    func resets() async throws {
        let policy = RetryPolicy(baseDelay: .milliseconds(200), random: Self.seeded)
        let replies = (0..<50).flatMap { call in Array(repeating: ResponsePlan.resetAfter(bytes: 0), count: call % 3 + 1) + [Self.ok] }
        let outcome = try await Self.storm(calls: 50, policy: policy, replies: replies)
        print("reset storm:", outcome)
        #expect(outcome.successes == 50)
        #expect(outcome.requests == 50 + (0..<50).map { $0 % 3 + 1 }.reduce(0, +))
    }

    @Test("NFR-4: with attempts 1 and 2 of every call failing (503, reset, 504 timeout), ≥ 95 % of 200 calls succeed")
    func nfr4() async throws {
        let kinds: [ResponsePlan] = [.status(503, body: .empty), .resetAfter(bytes: 0), .status(504, body: .empty)]
        // The server lets every third request through, whichever call sent it.
        let storm = (0..<200).flatMap { call in [kinds[call % 3], kinds[(call + 1) % 3], Self.ok] }
        let outcome = try await Self.storm(calls: 200, policy: RetryPolicy(random: Self.seeded), replies: storm)
        print("NFR-4 storm, default policy:", outcome)
        #expect(outcome.successRate >= 0.95)
        #expect(outcome.requests == 600)

        // The control: with two attempts a call gets through only when it starts on the open
        // request, every other call, so the storm and the measure do fail a weaker policy.
        let control = try await Self.storm(calls: 30, policy: RetryPolicy(maxAttempts: 2, random: Self.seeded), replies: storm)
        print("NFR-4 storm, 2 attempts:", control)
        #expect(control.successRate == 0.5)
        #expect(control.failures.keys.sorted { $0.name < $1.name } == [.modelUnavailable, .network, .timeout])
    }

    @Test("route resolution is part of the call: a failed Hub look-up is retried with the call, once per attempt")
    func routeResolution() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_together_conversational")
        let server = try ReplayServer()
        server.serve(recorded.interactions[0], plan: .status(502, body: .empty))
        server.serve(recorded.interactions[0])
        server.serve(recorded.interactions[1])
        let log = AttemptLog()
        let client = HFClient.replaying(server, middleware: [RetryMiddleware(policy: RetryPolicy(random: .fixed(0)), clock: SkippingClock()), log])

        let answer = try await client.inference.chat("What is deep learning?", model: .llama3_8BInstruct, via: .provider(.together))

        #expect(answer.hasPrefix("Deep learning"))
        #expect(server.requests.map(\.method) == ["GET", "GET", "POST"])
        #expect(log.attempts == ["chat #1", "providerMapping #1", "chat #2", "providerMapping #1"])
    }

    /// The end offsets of the events of a served stream body.
    static func eventEnds(_ body: Data) -> [Int] {
        var ends: [Int] = []
        var index = body.startIndex
        while let range = body[index...].firstRange(of: Data("\n\n".utf8)) {
            ends.append(range.upperBound - body.startIndex)
            index = range.upperBound
        }
        return ends
    }

    @Test("a stream whose head arrived is never retried: a reset mid-body is thrown from iteration, after one request")
    func streamResetMidBody() async throws {
        let stream = try #require(try RecordedCase.load(Self.streamCase).inferenceInteraction)
        let server = try ReplayServer()
        let ends = Self.eventEnds(server.servedBody(for: stream.response))
        var plan = ResponsePlan.eventStream(delayBetweenEvents: .milliseconds(20))
        plan.fault = .resetAfter(bytes: ends[2] + 1)
        server.serve(stream, plan: plan)
        server.serve(stream)
        let log = AttemptLog()
        let client = HFClient.replaying(server, middleware: [RetryMiddleware(policy: RetryPolicy(baseDelay: .zero), clock: SkippingClock()), log])

        var received = ""
        let error = await #expect(throws: HFError.self) {
            for try await piece in try client.inference.chatStream("What is deep learning?", model: Self.model, via: .provider(.hfInference)).text {
                received += piece
            }
        }

        #expect(error?.category == .streamInterrupted)
        #expect(!received.isEmpty)
        #expect(error?.partialOutput == received)
        #expect(server.requests.count == 1)
        #expect(log.attempts == ["chat.stream #1"])
    }

    @Test("a stream that fails before its head (a reset, a 503) is opened again and read whole")
    func streamFailsBeforeHead() async throws {
        let stream = try #require(try RecordedCase.load(Self.streamCase).inferenceInteraction)
        let server = try ReplayServer()
        // The reset first, on a new connection: a transport may itself resend a request whose
        // reused connection was reset before answering.
        server.serve(stream, plan: ResponsePlan(fault: .resetBeforeHead))
        server.serve(stream, plan: .status(503, body: .empty))
        server.serve(stream)
        let log = AttemptLog()
        let client = HFClient.replaying(server, middleware: [RetryMiddleware(policy: RetryPolicy(baseDelay: .zero), clock: SkippingClock()), log])

        let text = try await client.inference.chatStream("What is deep learning?", model: Self.model, via: .provider(.hfInference)).collectText()

        #expect(text.hasPrefix("Deep learning"))
        #expect(server.requests.count == 3)
        #expect(log.attempts == ["chat.stream #1", "chat.stream #2", "chat.stream #3"])
    }

    @Test("cancelling a call while it waits to retry ends the wait at once: cancelled, nothing more sent")
    func cancellation() async throws {
        let chat = try #require(try RecordedCase.load(Self.chatCase).inferenceInteraction)
        let server = try ReplayServer()
        server.serve(chat, plan: .status(503, body: .empty))
        server.serve(chat)
        let clock = ManualClock()
        let policy = RetryPolicy(baseDelay: .seconds(3600), maxElapsedTime: .seconds(86_400), random: .fixed(1))
        let client = HFClient.replaying(server, middleware: [RetryMiddleware(policy: policy, clock: clock)])

        let call = Task { try await client.inference.chat("What is deep learning?", model: Self.model, via: .provider(.hfInference)) }
        let error = await cancelWhileWaiting(call, on: clock)

        #expect(error?.category == .cancelled)
        #expect(clock.sleeperCount == 0)
        #expect(server.requests.count == 1)
    }

    @Test("the README's retry snippet runs: a 503, then the answer")
    func readme() async throws {
        let (server, chat) = try ReplayServer.serving(
            inferenceOf: "TestInferenceClient.test_chat_completion_no_stream_together_conversational",
            at: "https://router.huggingface.co/v1/chat/completions"
        )
        server.setPlan(.status(503, body: .empty), forRuleAt: 0)
        server.serve(chat, at: Route("POST", "https://router.huggingface.co/v1/chat/completions"))
        let configuration = HFConfiguration.replaying(server)

        // README retry begins
        // Up to 4 attempts; between them a random wait of up to 0.25 s, 0.5 s, 1 s, or what the
        // server asks for (Retry-After, a loading model's estimated_time), at most a minute.
        let retry = RetryMiddleware(policy: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(250)))
        let client = HFClient(configuration: configuration, middleware: [retry])
        let answer = try await client.inference.chat("What is deep learning?", model: .llama3_8BInstruct)

        // Or around code of your own, with the same rules:
        let policy = RetryPolicy(maxAttempts: 3)
        let again = try await policy.run { attempt in
            try await client.inference.chat("What is deep learning?", model: .llama3_8BInstruct)
        }
        // README retry ends

        #expect(answer.hasPrefix("Deep learning"))
        #expect(again == answer)
        #expect(server.requests.count == 3)
    }
}
