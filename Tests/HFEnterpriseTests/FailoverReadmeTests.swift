import Foundation
import HFInference
import HFReplay
import HFTestSupport
import Testing

import HFEnterprise

/// The README's failover section, compiled and run against the replay server; the lines between
/// the markers are the README's, verbatim.
@Suite("README failover")
struct FailoverReadmeTests {
    @Test("providers failing over through the router, and mirrors behind a health checker")
    func readme() async throws {
        let server = try ReplayServer()
        let together = try #require(try RecordedCase.load(FailoverReplayTests.togetherChat).inferenceInteraction)
        let hfInference = try #require(try RecordedCase.load(FailoverReplayTests.hfInferenceChat).inferenceInteraction)
        let modelInfo = try RecordedCase.load(FailoverReplayTests.togetherChat).interactions[0]   // a real 200, as the health route's answer
        let router = Route(method: "POST", host: "router.huggingface.co", path: "/v1/chat/completions")
        server.serve(together, at: router, plan: .status(503))
        server.serve(hfInference, at: router)
        for host in [FailoverReplayTests.primary, FailoverReplayTests.mirror] {
            server.serve(hfInference, at: FailoverReplayTests.chatRoute(host))
            server.serve(modelInfo, at: Route(method: "GET", host: host, path: "/health"))
        }
        let configuration = HFConfiguration.replaying(server)
        let (primary, mirror) = (server.url(forHost: FailoverReplayTests.primary), server.url(forHost: FailoverReplayTests.mirror))

        // README failover begins
        // A call a provider fails (5xx, 429, model loading, network, timeout) moves to the next
        // healthy provider, resolved anew; a provider that failed sits out 30 s.
        let providers = FailoverPool(providers: [.together, .hfInference], coolDown: .seconds(30))
        let client = HFClient(configuration: configuration, middleware: [FailoverMiddleware(pool: providers)])
        let answer = try await client.inference.chat("What is deep learning?", model: "meta-llama/Meta-Llama-3-8B-Instruct")

        // Mirrored servers of your own, probed every 10 s: one found down is skipped until it is up.
        let mirrors = FailoverPool(baseURLs: [primary, mirror], strategy: .roundRobin)
        let mirrored = HFClient(configuration: configuration, middleware: [FailoverMiddleware(pool: mirrors)])
        let checker = HealthChecker(pool: mirrors, interval: .seconds(10), timeout: .seconds(2),
                                    probe: HealthChecker.httpGET("/health", through: mirrored))
        await checker.start()
        let reply = try await mirrored.inference.chat("What is deep learning?", model: "tgi", via: .endpoint(primary))
        await checker.stop()
        // README failover ends

        #expect(!answer.isEmpty && !reply.isEmpty)
        let models = try server.requests.filter { $0.host == "router.huggingface.co" }.map { try $0.jsonObject()["model"] as? String }
        #expect(models == ["meta-llama/Meta-Llama-3-8B-Instruct:together", "meta-llama/Meta-Llama-3-8B-Instruct:hf-inference"])
        #expect(await !providers.isHealthy(.provider(.together)))
        #expect(await !checker.isRunning)
    }
}
