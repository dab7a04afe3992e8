import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFInference
@testable import HFStreaming

/// A stream's memory is bounded per event and in its partial output, not by the stream's length.
@Suite("Stream limits")
struct StreamLimitTests {
    static let together = RecordedStream.all.first { $0.provider == .together }!

    @Test("a stream longer than maximumResponseSize is delivered whole", arguments: TransportKind.available)
    func longerThanResponseCap(_ transport: TransportKind) async throws {
        let stream = Self.together
        let oracle = StreamOracle(try stream.body)
        let server = try stream.server(plan: .eventStream(delayBetweenEvents: .zero))
        let client = HFClient.replaying(server, transport: transport.make()) { $0.maximumResponseSize = 512 }
        #expect(try stream.body.count > 512)

        var text = ""
        for try await chunk in try client.inference.chatStream(try stream.request, via: .provider(.together)) {
            text += chunk.text ?? ""
        }
        #expect(text == oracle.text(upTo: oracle.events.count))
    }

    @Test("an event over maximumEventSize ends the stream after the events before it", arguments: TransportKind.available)
    func eventOverLimit(_ transport: TransportKind) async throws {
        let stream = Self.together
        let oracle = StreamOracle(try stream.body)
        let sizes = oracle.events.map(\.utf8.count)
        let limit = try #require(sizes.min())
        let first = try #require(sizes.firstIndex { $0 > limit })
        let server = try stream.server(plan: .eventStream(delayBetweenEvents: .zero))
        let client = HFClient.replaying(server, transport: transport.make()) { $0.maximumEventSize = limit }

        var chunks: [ChatCompletionChunk] = []
        let error = await #expect(throws: HFError.self) {
            for try await chunk in try client.inference.chatStream(try stream.request, via: .provider(.together)) {
                chunks.append(chunk)
            }
        }
        #expect(chunks.count == first)
        #expect(error?.category == .streamInterrupted)
        #expect(error?.underlyingDescription == "cause: responseTooLarge")
        #expect(error?.partialOutput == oracle.text(upTo: first))
    }

    @Test("partialOutput keeps the last maximumPartialOutputSize bytes, whole characters, and says it was cut", arguments: [8, 4096])
    func partialOutputBounded(_ limit: Int) async throws {
        let stream = Self.together
        let oracle = StreamOracle(try stream.body)
        let count = 12
        var plan = ResponsePlan.eventStream(delayBetweenEvents: .milliseconds(20))
        plan.fault = .resetAfter(bytes: oracle.eventEnds[count - 1] + 1)
        let server = try stream.server(plan: plan)
        let client = HFClient.replaying(server) { $0.maximumPartialOutputSize = limit }

        var delivered = ""
        let error = await #expect(throws: HFError.self) {
            for try await chunk in try client.inference.chatStream(try stream.request, via: .provider(.together)) {
                delivered += chunk.text ?? ""
            }
        }
        // The oracle's own rule: characters dropped from the front until the rest fits.
        var expected = oracle.text(upTo: count)
        while expected.utf8.count > limit { expected.removeFirst() }
        #expect(delivered == oracle.text(upTo: count))
        #expect(error?.category == .streamInterrupted)
        #expect(error?.partialOutput == expected)
        #expect(error?.isPartialOutputTruncated == (expected != delivered))
        #expect(limit > delivered.utf8.count || error?.isPartialOutputTruncated == true)
    }

    @Test("the parser, fed a recorded stream byte by byte, stops exactly past the event limit")
    func parserLimit() throws {
        let body = try Self.together.body
        let oracle = StreamOracle(body)
        let largest = try #require(oracle.events.map(\.utf8.count).max())
        for (limit, overflows) in [(largest, false), (largest - 1, true)] {
            var parser = ServerSentEventParser(maximumEventSize: limit)
            var events: [ServerSentEvent] = []
            for byte in body { events += parser.events(from: Data([byte])) }
            events += parser.finish()
            #expect(parser.isOverLimit == overflows)
            if !overflows { #expect(events.map(\.data).prefix(oracle.events.count) == ArraySlice(oracle.events)) }
        }
    }
}
