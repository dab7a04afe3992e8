import Foundation
import HFTestSupport
import Testing

@testable import HFCore

/// The adapter registry against the routes the protocol notes list (§3.2, §3.4, §4.2, §6): every
/// provider's chat route, hf-inference's per-model routes, the OpenAI-style embeddings routes,
/// and what happens for a provider the package does not know.
@Suite("Provider × task adapters")
struct AdapterRegistryTests {
    static let configuration = HFConfiguration(token: "hf_x", environment: .empty)
    static let model = TaskModel(asGiven: "org/model:p", hubID: "org/model", providerID: "provider-model")

    static func url(_ provider: Provider, _ task: InferenceTask) throws -> String {
        let adapter = try #require(AdapterRegistry.standard.adapter(for: provider, task: task))
        return adapter.url(base: configuration.baseURL(for: provider), model: model).absoluteString
    }

    @Test("every provider's chat route, as §3.2 lists it", arguments: [
        (Provider.baseten, "/v1/chat/completions"), (.cerebras, "/v1/chat/completions"), (.cohere, "/compatibility/v1/chat/completions"),
        (.deepInfra, "/v1/openai/chat/completions"), (.featherlessAI, "/v1/chat/completions"), (.fireworksAI, "/inference/v1/chat/completions"),
        (.groq, "/openai/v1/chat/completions"), (.novita, "/v3/openai/chat/completions"), (.nscale, "/v1/chat/completions"),
        (.openAI, "/v1/chat/completions"), (.ovhCloud, "/v1/chat/completions"), (.publicAI, "/v1/chat/completions"),
        (.scaleway, "/v1/chat/completions"), (.together, "/v1/chat/completions"), (.zaiOrg, "/api/paas/v4/chat/completions"),
        (.hfInference, "/models/org/model/v1/chat/completions"),
    ])
    func chatRoutes(_ provider: Provider, _ path: String) throws {
        #expect(try Self.url(provider, .conversational) == "https://router.huggingface.co/\(provider.rawValue)\(path)")
    }

    @Test("providers that serve no chat have no chat adapter, and are refused before sending", arguments: [Provider.falAI, .replicate, .waveSpeed, .blackForestLabs])
    func noChat(_ provider: Provider) {
        #expect(AdapterRegistry.standard.adapter(for: provider, task: .conversational) == nil)
    }

    @Test("the chat body: the provider's model id in place of the caller's, first; rewrites only where the provider needs them")
    func chatBody() throws {
        let canonical = JSONObject([("model", "org/model:p"), ("messages", [["role": "user", "content": "Hi"]]), ("store", false)] as [(String, JSONValue)])
        let together = try #require(AdapterRegistry.standard.adapter(for: .together, task: .conversational)).jsonBody(from: canonical, model: Self.model)
        #expect(together.keys == ["model", "messages", "store"])
        #expect(together["model"] == "provider-model")
        let cerebras = try #require(AdapterRegistry.standard.adapter(for: .cerebras, task: .conversational)).jsonBody(from: canonical, model: Self.model)
        #expect(cerebras["store"] == nil)
        let router = try #require(AdapterRegistry.standard.routerAdapter(for: .conversational)).jsonBody(from: canonical, model: Self.model)
        #expect(router["model"] == "org/model:p" && router["store"] == false)
        let hfInference = try #require(AdapterRegistry.standard.adapter(for: .hfInference, task: .conversational)).jsonBody(from: canonical, model: Self.model)
        #expect(hfInference["model"] == "org/model")
    }

    @Test("embeddings: hf-inference's pipeline keeps TEI's body; OpenAI-style routes take the model first and `input`")
    func embeddingsBody() throws {
        let canonical = JSONObject([("inputs", ["a", "b"]), ("normalize", true)] as [(String, JSONValue)])
        let pipeline = try #require(AdapterRegistry.standard.adapter(for: .hfInference, task: .featureExtraction))
        #expect(try pipeline.jsonBody(from: canonical, model: Self.model) == canonical)
        #expect(!pipeline.usesMapping)
        let deepInfra = try #require(AdapterRegistry.standard.adapter(for: .deepInfra, task: .featureExtraction))
        let body = try deepInfra.jsonBody(from: canonical, model: Self.model)
        #expect(body.keys == ["model", "input", "normalize"])
        #expect(body["model"] == "provider-model" && body["input"] == ["a", "b"])
        #expect(deepInfra.usesMapping)
    }

    @Test("Scaleway's OpenAI-style embeddings (§6.3): its route and body")
    func scalewayEmbeddings() throws {
        #expect(try Self.url(.scaleway, .featureExtraction) == "https://router.huggingface.co/scaleway/v1/embeddings")
        let adapter = try #require(AdapterRegistry.standard.adapter(for: .scaleway, task: .featureExtraction))
        let body = try adapter.jsonBody(from: JSONObject([("inputs", "Hi")] as [(String, JSONValue)]), model: Self.model)
        #expect(body == JSONObject([("model", "provider-model"), ("input", "Hi")] as [(String, JSONValue)]))
        #expect(adapter.usesMapping)
    }

    @Test("a provider the package does not know is taken to speak OpenAI's API; one it knows without the task is not")
    func unknownProvider() throws {
        #expect(try Self.url("brand-new", .conversational) == "https://router.huggingface.co/brand-new/v1/chat/completions")
        #expect(try Self.url("brand-new", .featureExtraction) == "https://router.huggingface.co/brand-new/v1/embeddings")
        #expect(AdapterRegistry.standard.adapter(for: "brand-new", task: .textToImage) == nil)
        #expect(AdapterRegistry.standard.adapter(for: .groq, task: .featureExtraction) == nil)
        #expect(AdapterRegistry.standard.adapter(for: .together, task: .sentenceSimilarity) == nil)
    }

    @Test("every provider constant has a file in the registry, with its direct host where it has one")
    func everyProviderKnown() {
        let constants: [Provider] = [
            .baseten, .cerebras, .cohere, .deepInfra, .falAI, .featherlessAI, .fireworksAI, .groq, .hfInference, .novita, .nscale,
            .openAI, .ovhCloud, .publicAI, .replicate, .scaleway, .together, .waveSpeed, .zaiOrg,
            .blackForestLabs, .clarifai, .hyperbolic, .nebius, .nvidia, .sambaNova,
        ]
        for provider in constants {
            #expect(AdapterRegistry.standard.provider(provider) != nil, "\(provider)")
        }
        #expect(Provider.together.directBaseURL?.absoluteString == "https://api.together.xyz")
        #expect(Provider.hyperbolic.directBaseURL == nil)
    }
}
