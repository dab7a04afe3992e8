import Foundation
import HFEnterprise
import HFReplay
import HFTestSupport

/// Recorded traffic the metrics and cache tests run over.
enum Recorded {
    /// A real embeddings reply of all-MiniLM-L6-v2 ("Hi, who are you?"), recorded on the legacy
    /// route and served on today's hf-inference pipeline route.
    static let miniLM = try! RecordedCase.load("legacy.InferenceClientVCRTest.test_feature_extraction_with_sentence_transformers").interactions[0]
    static let miniLMRoute = Route(method: "POST", host: "router.huggingface.co", path: "/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction")

    /// A real streamed chat on hf-inference (Llama 3.1 8B, 20 tokens at most).
    static let chatStream = "TestInferenceClient.test_chat_completion_with_stream_hf-inference_conversational"
    /// A real chat completion on hf-inference (Llama 3.1 8B).
    static let chat = "TestInferenceClient.test_chat_completion_no_stream_hf-inference_conversational"

    /// A server answering every request with the MiniLM reply (through `plans`, in order, when given).
    static func embeddingsServer(plans: [ResponsePlan?] = []) throws -> ReplayServer {
        let server = try ReplayServer(mode: plans.isEmpty ? .byRoute : .inOrder)
        if plans.isEmpty { server.serve(miniLM, at: miniLMRoute) }
        for plan in plans { server.serve(miniLM, at: miniLMRoute, plan: plan) }
        return server
    }
}

/// Moves a manual clock as a scripted network would take time: after each whole response by
/// `latency(n)` for the n-th request (from 0), after a stream's head by `head`, and as each chunk
/// of a streamed body is taken by `perChunk`. Installed after a ``MetricsMiddleware``, so the
/// recorder sees the time pass inside the call; its body observer is nearer the transport than the
/// recorder's, so a chunk's time has passed when the recorder hears of it.
struct ScriptedLatency: HFMiddleware {
    let clock: ManualClock
    var latency: @Sendable (Int) -> Duration = { _ in .zero }
    var head: Duration = .zero
    var perChunk: Duration = .zero
    let requests = LockedState(0)
    let chunks = LockedState(0)

    func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        let index = requests.withLock { count in
            defer { count += 1 }
            return count
        }
        let response = try await next(request, context)
        clock.advance(by: latency(index))
        return response
    }

    func interceptStream(_ request: HTTPRequest, context: HFRequestContext, next: NextStream) async throws -> HTTPStreamingResponse {
        let response = try await next(request, context)
        clock.advance(by: head)
        return HTTPStreamingResponse(head: response.head, body: response.body.observed(ChunkTicker(script: self)))
    }

    private struct ChunkTicker: HTTPBodyObserver {
        let script: ScriptedLatency

        func didReceive(_ chunk: Data) {
            script.chunks.withLock { $0 += 1 }
            script.clock.advance(by: script.perChunk)
        }

        func didFinish(error: (any Error)?) {}
    }
}
