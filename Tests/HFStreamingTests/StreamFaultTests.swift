import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFInference
@testable import HFStreaming

/// Faults injected on top of recorded streams: what arrived is delivered, then a typed error holding
/// the same text; silence trips the idle timeout; cancelling stops the network.
@Suite("Stream faults")
struct StreamFaultTests {
    static let together = RecordedStream.all.first { $0.provider == .together }!

    @Test("a reset after k events: k chunks, then streamInterrupted holding their text", arguments: TransportKind.available, [1, 4, 12])
    func reset(_ transport: TransportKind, _ count: Int) async throws {
        let stream = Self.together
        let oracle = StreamOracle(try stream.body)
        // One byte of the next event goes out before the reset, after a pause, so the k events
        // are read before the connection is torn down.
        var plan = ResponsePlan.eventStream(delayBetweenEvents: .milliseconds(20))
        plan.fault = .resetAfter(bytes: oracle.eventEnds[count - 1] + 1)
        let server = try stream.server(plan: plan)

        var chunks: [ChatCompletionChunk] = []
        let error = await #expect(throws: HFError.self) {
            for try await chunk in try HFClient.replaying(server, transport: transport.make()).inference.chatStream(try stream.request, via: .provider(.together)) {
                chunks.append(chunk)
            }
        }

        #expect(chunks.count == count)
        #expect(chunks.compactMap(\.text).joined() == oracle.text(upTo: count))
        #expect(error?.category == .streamInterrupted)
        #expect(error?.partialOutput == oracle.text(upTo: count))
        #expect(error?.underlyingDescription == "cause: network")
        #expect(error?.requestID == (try stream.chat.response.headers["x-request-id"]))
    }

    @Test("a body cut short mid-answer, with or without chunked framing, is an interruption", arguments: [ResponsePlan.Framing.chunked, .untilClose])
    func truncated(_ framing: ResponsePlan.Framing) async throws {
        let stream = Self.together
        let oracle = StreamOracle(try stream.body)
        for cut in [oracle.eventEnds[2], oracle.eventEnds[2] + 30] {
            let server = try stream.server(plan: ResponsePlan(chunking: .perSSEEvent, delayBetweenChunks: .milliseconds(5), framing: framing, fault: .truncateAfter(bytes: cut)))
            var received = ""
            let error = await #expect(throws: HFError.self) {
                for try await piece in try HFClient.replaying(server).inference.chatStream(try stream.request, via: .provider(.together)).text {
                    received += piece
                }
            }
            #expect(error?.category == .streamInterrupted)
            #expect(received == oracle.text(upTo: 3))
            #expect(error?.partialOutput == received)
        }
    }

    @Test("a silent server trips the idle timeout; the text before it is kept", arguments: TransportKind.available)
    func idleTimeout(_ transport: TransportKind) async throws {
        let stream = Self.together
        let oracle = StreamOracle(try stream.body)
        let server = try stream.server(plan: .eventStream(delayBetweenEvents: .seconds(3)))
        let client = HFClient.replaying(server, transport: transport.make()) { $0.streamIdleTimeout = .milliseconds(300) }

        var received: [String] = []
        let error = await #expect(throws: HFError.self) {
            for try await piece in try client.inference.chatStream(try stream.request, via: .provider(.together)).text {
                received.append(piece)
            }
        }

        #expect(error?.category == .streamInterrupted)
        #expect(error?.underlyingDescription == "cause: timeout")
        #expect(received == [try #require(oracle.content(0))])
        // Only the first event arrived: the timeout fired before the second one was sent.
        #expect(error?.partialOutput == oracle.content(0))
    }

    @Test("cancelling the reading task stops the transfer: the server sees the disconnect", arguments: TransportKind.available)
    func cancellation(_ transport: TransportKind) async throws {
        let stream = Self.together
        let server = try stream.server(plan: .eventStream(delayBetweenEvents: .milliseconds(300)))
        let client = HFClient.replaying(server, transport: transport.make())
        let request = try stream.request
        let firstChunk = AsyncStream<Void>.makeStream()

        let reader = Task {
            for try await _ in try client.inference.chatStream(request, via: .provider(.together)) {
                firstChunk.continuation.yield()
            }
        }
        var waiter = firstChunk.stream.makeAsyncIterator()
        _ = await waiter.next()
        reader.cancel()

        let outcome = await reader.result
        #expect(throws: HFError.self) { try outcome.get() }
        if case .failure(let error as HFError) = outcome {
            #expect(error.category == .cancelled)
        }
        #expect(await server.waitForDisconnect(timeout: .seconds(5)))
    }

    @Test("leaving the loop early closes the connection")
    func earlyExit() async throws {
        let stream = Self.together
        let server = try stream.server(plan: .eventStream(delayBetweenEvents: .milliseconds(300)))
        for try await _ in try HFClient.replaying(server).inference.chatStream(try stream.request, via: .provider(.together)) {
            break
        }
        #expect(await server.waitForDisconnect(timeout: .seconds(5)))
    }

    @Test("a stream is not retried: one request per iteration, even when it fails")
    func noRetry() async throws {
        let stream = Self.together
        let oracle = StreamOracle(try stream.body)
        let server = try stream.server(plan: .resetAfter(bytes: oracle.eventEnds[0] + 1))
        let chat = try HFClient.replaying(server).inference.chatStream(try stream.request, via: .provider(.together))
        await #expect(throws: HFError.self) { try await collect(chat) }
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)
    }
}
