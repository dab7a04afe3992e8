import Foundation
import HFCore
import HFInference
import HFReplay
import HFStreaming
import HFTestSupport

/// One lane of the soak: its own replay server (a rule's plan applies to every request that
/// matches it, so concurrent streams with different faults need different servers) and a client.
final class SoakWorker: Sendable {
    let server: ReplayServer
    let client: HFClient
    private let streams: [SoakStream]
    private let chatRules: [Int]

    init(streams: [SoakStream], idleTimeout: Duration) throws {
        let server = try ReplayServer()
        self.server = server
        self.streams = streams
        chatRules = streams.map { $0.serve(on: server) }
        client = HFClient.replaying(server) { $0.streamIdleTimeout = idleTimeout }
    }

    /// Reads stream `index` through `plan` and says how it ended.
    func run(stream index: Int, plan: ResponsePlan) async -> SoakOutcome {
        // The server logs every request and response; forgotten here, so RSS measures the client.
        server.clearLog()
        server.setPlan(plan, forRuleAt: chatRules[index])
        let stream = streams[index]
        let start = ContinuousClock.now
        var text = ""
        do {
            for try await piece in try client.inference.chatStream(stream.request, via: .provider(stream.provider)).text {
                text += piece
            }
            return SoakOutcome(text: text, error: nil, duration: .now - start)
        } catch {
            return SoakOutcome(text: text, error: HFError(caught: error), duration: .now - start)
        }
    }

    func shutdown() {
        server.shutdown()
    }
}

/// How one stream ended: the text delivered, and the error that ended it, if any.
struct SoakOutcome: Sendable {
    let text: String
    let error: HFError?
    let duration: Duration
}
