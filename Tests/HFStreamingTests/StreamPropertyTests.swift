import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFInference
@testable import HFStreaming

/// Through the network: the replay server cuts each recorded stream at many byte boundaries
/// (pieces of several small sizes, and a reproducible random sample of single cuts, delivered
/// separately), and the streamed text must always equal the recorded events' text. Every single
/// boundary is covered without the network by the parser tests.
@Suite("Streamed text at any byte boundary")
struct StreamPropertyTests {
    @Test("the same text however the body is cut", arguments: RecordedStream.all)
    func boundaries(_ stream: RecordedStream) async throws {
        let body = try stream.body
        let expected = StreamOracle(body).text
        let server = try stream.server()
        let client = HFClient.replaying(server)
        let request = try stream.request

        var plans = [1, 3, 7, 64].map { ResponsePlan(chunking: .fixed(bytes: $0)) }
        var random = SplitMix64(seed: UInt64(body.count))
        for _ in 0..<12 {
            plans.append(ResponsePlan(chunking: .splitAt([Int(random.next() % UInt64(body.count - 1)) + 1]), delayBetweenChunks: .milliseconds(2)))
        }
        plans.append(ResponsePlan(chunking: .splitAt(Array(stride(from: 1, to: body.count, by: 97))), delayBetweenChunks: .milliseconds(1)))
        for plan in plans {
            server.defaultPlan = plan
            let text = try await client.inference.chatStream(request, via: .provider(stream.provider)).collectText()
            #expect(text == expected, "\(plan.chunking)")
        }
        #expect(server.unmatchedRequests.isEmpty)
    }
}
