import Foundation
import Testing

/// `hf embed` and `hf similarity` against recorded hf-inference replies, served (as the root
/// package's demo serves them) on today's routes.
@Suite("hf embed and similarity", .serialized)
struct EmbeddingCommandTests {
    static let pipeline = "https://router.huggingface.co/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/"

    @Test("embed --json prints the recorded vector as Float values, with its dimension")
    func embed() throws {
        let stem = "legacy.InferenceClientVCRTest.test_feature_extraction_with_sentence_transformers"
        let server = try ReplayProcess(["--rule", stem, "/pipeline/feature-extraction/", "POST", Self.pipeline + "feature-extraction"])
        let run = try CommandRun.pipes(["embed", "Hi, who are you?", "--json", "--base-url", server.url(forHost: "router.huggingface.co")])
        let requests = try server.finish()

        #expect(run.status == 0, "\(run.stderr)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let recorded = try #require(try JSONSerialization.jsonObject(with: Recording(stem).responseBody(at: "/pipeline/feature-extraction/")) as? [Double])
        let vector = try #require((printed["embeddings"] as? [[Double]])?.first)
        #expect(vector.map(Float.init) == recorded.map(Float.init))
        #expect(printed["dimension"] as? Int == recorded.count)
        #expect(try requests.first?.json()["inputs"] as? [String] == ["Hi, who are you?"])
    }

    @Test("similarity prints the recorded scores in the order the sentences were given")
    func similarity() throws {
        let stem = "TestInferenceClient.test_sentence_similarity_hf-inference_sentence-similarity"
        let sentences = ["Deep learning is so straightforward.", "This is so difficult, like rocket science.", "I can't believe how much I struggled with this."]
        let server = try ReplayProcess(["--rule", stem, "/pipeline/sentence-similarity/", "POST", Self.pipeline + "sentence-similarity"])
        let run = try CommandRun.pipes(["similarity", "Machine learning is so easy."] + sentences + ["--base-url", server.url(forHost: "router.huggingface.co")])
        let requests = try server.finish()

        #expect(run.status == 0, "\(run.stderr)")
        let recorded = try #require(try JSONSerialization.jsonObject(with: Recording(stem).responseBody(at: "/sentence-similarity/")) as? [Double])
        let expected = zip(recorded, sentences).map { String(format: "%.4f", $0) + "  " + $1 + "\n" }.joined()
        #expect(run.stdout == expected)
        let inputs = try requests.first?.json()["inputs"] as? [String: Any]
        #expect(inputs?["source_sentence"] as? String == "Machine learning is so easy.")
        #expect(inputs?["sentences"] as? [String] == sentences)
    }
}
