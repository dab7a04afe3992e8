import Foundation
import Testing

/// `hf models` against recorded Hub replies, served by HFReplayServe.
@Suite("hf models", .serialized)
struct ModelsCommandTests {
    @Test("info follows the Hub's rename and prints the recorded object, as JSON and as text")
    func info() throws {
        let stem = "InferenceApiTest.test_simple_inference"
        let server = try ReplayProcess(["--case", stem])
        let hub = server.url(forHost: "huggingface.co")
        let json = try CommandRun.pipes(["models", "info", "bert-base-uncased", "--json", "--hub-url", hub])
        let text = try CommandRun.pipes(["models", "info", "bert-base-uncased", "--hub-url", hub])
        let requests = try server.finish()

        #expect(json.status == 0, "\(json.stderr)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? NSDictionary)
        let recorded = try #require(try JSONSerialization.jsonObject(with: Recording(stem).responseBody(at: "/api/models/google-bert/bert-base-uncased")) as? NSDictionary)
        #expect(printed == recorded)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("id: google-bert/bert-base-uncased\ntask: fill-mask\nlibrary: transformers\n"))
        #expect(requests.map(\.path) == Array(repeating: ["/api/models/bert-base-uncased", "/api/models/google-bert/bert-base-uncased"], count: 2).flatMap { $0 })
    }

    @Test("providers prints the recorded provider mapping in the Hub's order")
    func providers() throws {
        let stem = "TestInferenceClient.test_chat_completion_no_stream_together_conversational"
        let server = try ReplayProcess(["--rule", stem, "/api/models/", "GET", "https://huggingface.co/api/models/meta-llama/Meta-Llama-3-8B-Instruct"])
        let run = try CommandRun.pipes(["models", "providers", "meta-llama/Meta-Llama-3-8B-Instruct", "--json", "--hub-url", server.url(forHost: "huggingface.co")])
        let requests = try server.finish()

        #expect(run.status == 0, "\(run.stderr)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let providers = try #require(printed["providers"] as? [[String: Any]])
        // The recorded mapping, in its order: fireworks-ai (staging), together and hf-inference (live).
        #expect(providers.map { $0["provider"] as? String } == ["fireworks-ai", "together", "hf-inference"])
        #expect(providers.map { $0["status"] as? String } == ["staging", "live", "live"])
        #expect(providers[1]["providerModelID"] as? String == "meta-llama/Meta-Llama-3-8B-Instruct-Turbo")
        #expect(printed["state"] as? String == "available")
        #expect(requests.first?.query.contains("expand[]=inferenceProviderMapping") == true)
    }
}
