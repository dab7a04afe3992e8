import Foundation
import HFCore
import HFInference
import HFReplay

/// The recorded traffic the bridges are tested over, and a client that talks to it.
enum Replayed {
    /// A token no test output may show: the canary of the logging tests.
    static let token = "hf_CANARYbridge0123456789abcdefghijklmn"

    /// A real chat completion on hf-inference (Llama 3.1 8B).
    static let chat = "TestInferenceClient.test_chat_completion_no_stream_hf-inference_conversational"
    /// A real streamed chat on hf-inference (Llama 3.1 8B, 20 tokens at most).
    static let chatStream = "TestInferenceClient.test_chat_completion_with_stream_hf-inference_conversational"
    /// Its second interaction is a real 401 from the router: "Invalid username or password.".
    static let refusedToken = "TestInferenceClient.test_chat_completion_unprocessable_entity"

    /// The chat request the chat recordings answer.
    static let chatRequest = ChatCompletionRequest(model: .llama3_1_8BInstruct, messages: [.user("Count to 10")], maxTokens: 20)

    /// A real embeddings reply of all-MiniLM-L6-v2, recorded on the legacy route and served on
    /// today's hf-inference pipeline route, through `plans` in order when given (status faults on
    /// top of the real reply).
    static func embeddingsServer(plans: [ResponsePlan?] = []) throws -> ReplayServer {
        let reply = try RecordedCase.load("legacy.InferenceClientVCRTest.test_feature_extraction_with_sentence_transformers").interactions[0]
        let route = Route(method: "POST", host: "router.huggingface.co", path: "/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction")
        let server = try ReplayServer(mode: plans.isEmpty ? .byRoute : .inOrder)
        if plans.isEmpty { server.serve(reply, at: route) }
        for plan in plans { server.serve(reply, at: route, plan: plan) }
        return server
    }

    /// A configuration whose router and Hub are `server`, with ``token`` and nothing from the
    /// machine's environment.
    static func configuration(_ server: ReplayServer) -> HFConfiguration {
        let isolated = HFEnvironment(variables: [:], homeDirectory: nil, workingDirectory: URL(fileURLWithPath: "/nonexistent-hf-bridge-dir"), readFile: { _ in nil })
        var configuration = HFConfiguration(token: token, environment: isolated)
        configuration.routerBaseURL = server.url(forHost: "router.huggingface.co")
        configuration.hubBaseURL = server.url(forHost: "huggingface.co")
        return configuration
    }

    /// A client of ``configuration(_:)`` with `middleware` and `logger`.
    static func client(_ server: ReplayServer, middleware: [any HFMiddleware] = [], logger: HFLogger? = nil) -> HFClient {
        var configuration = configuration(server)
        configuration.logger = logger
        return HFClient(configuration: configuration, middleware: middleware)
    }
}
