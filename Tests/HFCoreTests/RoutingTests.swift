import Foundation
import HFTestSupport
import Testing

@testable import HFCore

@Suite("Model ids, providers and routes")
struct RoutingTests {
    @Test("suffixes: a provider, a policy, or none")
    func suffixes() {
        let pinned: ModelID = "meta-llama/Llama-3.1-8B-Instruct:cerebras"
        #expect(pinned.repository == "meta-llama/Llama-3.1-8B-Instruct")
        #expect(pinned.provider == .cerebras)
        #expect(pinned.policy == nil)
        let cheapest: ModelID = "openai/gpt-oss-120b:cheapest"
        #expect(cheapest.policy == .cheapest)
        #expect(cheapest.provider == nil)
        let plain = ModelID.llama3_8BInstruct
        #expect(plain.suffix == nil && plain.provider == nil && plain.policy == nil)
        #expect(plain.routed(to: .together).rawValue == "meta-llama/Meta-Llama-3-8B-Instruct:together")
        #expect(pinned.routed(by: .fastest).rawValue == "meta-llama/Llama-3.1-8B-Instruct:fastest")
        #expect(pinned.withoutSuffix.rawValue == "meta-llama/Llama-3.1-8B-Instruct")
        // Unknown providers are accepted and passed through.
        #expect(ModelID(rawValue: "org/model:brand-new-provider").provider?.rawValue == "brand-new-provider")
    }

    @Test("open values decode any string and encode as a bare string")
    func openValues() throws {
        let providers = try JSONDecoder().decode([Provider].self, from: Data(#"["together","brand-new-provider"]"#.utf8))
        #expect(providers == [.together, "brand-new-provider"])
        #expect(String(decoding: try JSONEncoder().encode(providers), as: UTF8.self) == #"["together","brand-new-provider"]"#)
        #expect(try JSONValueEncoder().encodeToValue([ModelID.llama3_8BInstruct]) == ["meta-llama/Meta-Llama-3-8B-Instruct"])
        #expect("\(InferenceTask.featureExtraction)" == "feature-extraction")
    }

    @Test("well-formed ids validate", arguments: ["gpt2", "google-t5/t5-small", "meta-llama/Llama-3.1-8B-Instruct:together", "a/b:fastest", "Qwen/Qwen2.5-72B-Instruct", "accounts/fireworks/models/llama-v3"])
    func valid(_ id: String) throws {
        try ModelID(rawValue: id).validate()
    }

    @Test("malformed ids fail with a validation error naming the field", arguments: ["", "/model", "org/", "org//name", "org/na me", "org/name:", "org/name:Together", "a:b:c", "https://example.com/model", "org/../x", "org/näme"])
    func invalid(_ id: String) {
        let error = #expect(throws: HFError.self) { try ModelID(rawValue: id).validate() }
        #expect(error?.category == .validation)
        #expect(error?.field == "model")
    }

    /// The URL an adapter gives `provider`'s route for `task` under `configuration`.
    static func url(_ provider: Provider, _ task: InferenceTask, model: String = "username/repo_name", _ configuration: HFConfiguration) throws -> String {
        let adapter = try #require(AdapterRegistry.standard.adapter(for: provider, task: task))
        return adapter.url(base: configuration.baseURL(for: provider), model: TaskModel(asGiven: model, hubID: model, providerID: model)).absoluteString
    }

    @Test("route construction: router, provider, override, hf-inference pipeline, hub (the verified URLs of protocol notes §3.4)")
    func routes() throws {
        var configuration = HFConfiguration(token: "hf_x", environment: .empty)
        let router = try #require(AdapterRegistry.standard.routerAdapter(for: .conversational))
        #expect(router.url(base: configuration.routerBaseURL, model: TaskModel(asGiven: "m", hubID: "m", providerID: "m")).absoluteString == "https://router.huggingface.co/v1/chat/completions")
        #expect(try Self.url(.together, .conversational, configuration) == "https://router.huggingface.co/together/v1/chat/completions")
        #expect(try Self.url(.fireworksAI, .conversational, configuration) == "https://router.huggingface.co/fireworks-ai/inference/v1/chat/completions")
        #expect(try Self.url(.novita, .conversational, configuration) == "https://router.huggingface.co/novita/v3/openai/chat/completions")
        #expect(try Self.url(.scaleway, .conversational, configuration) == "https://router.huggingface.co/scaleway/v1/chat/completions")
        #expect(try Self.url(.ovhCloud, .conversational, configuration) == "https://router.huggingface.co/ovhcloud/v1/chat/completions")
        #expect(try Self.url(.deepInfra, .featureExtraction, configuration) == "https://router.huggingface.co/deepinfra/v1/openai/embeddings")
        #expect(try Self.url(.hfInference, .textGeneration, configuration) == "https://router.huggingface.co/hf-inference/models/username/repo_name")
        #expect(try Self.url(.hfInference, .featureExtraction, configuration) == "https://router.huggingface.co/hf-inference/models/username/repo_name/pipeline/feature-extraction")
        #expect(try Self.url(.hfInference, .sentenceSimilarity, configuration) == "https://router.huggingface.co/hf-inference/models/username/repo_name/pipeline/sentence-similarity")
        #expect(try Self.url(.hfInference, .conversational, configuration) == "https://router.huggingface.co/hf-inference/models/username/repo_name/v1/chat/completions")
        configuration.providerBaseURLs[.hfInference] = URL(string: "http://localhost:8080/")!
        #expect(try Self.url(.hfInference, .textGeneration, model: "x/y", configuration) == "http://localhost:8080/models/x/y")
        configuration.routerBaseURL = URL(string: "https://proxy.example.com/hf/")!
        #expect(try Self.url(.groq, .conversational, configuration) == "https://proxy.example.com/hf/groq/openai/v1/chat/completions")
        #expect(configuration.hubURL(path: "/api/models/a/b", query: [("expand[]", "inferenceProviderMapping")]).absoluteString == "https://huggingface.co/api/models/a/b?expand%5B%5D=inferenceProviderMapping")
    }

    @Test("direct calls: a provider's own host as its base URL")
    func directBaseURL() throws {
        var configuration = HFConfiguration(token: "provider-key", environment: .empty)
        configuration.providerBaseURLs[.together] = Provider.together.directBaseURL
        #expect(try Self.url(.together, .conversational, configuration) == "https://api.together.xyz/v1/chat/completions")
        #expect(Provider.deepInfra.directBaseURL?.absoluteString == "https://api.deepinfra.com")
        #expect(Provider(rawValue: "brand-new").directBaseURL == nil)
    }

    @Test("custom endpoint chat URLs follow the official clients' rule")
    func endpointChatURL() {
        func chat(_ text: String) -> String { HFConfiguration.openAIURL(forEndpoint: URL(string: text)!, route: "/chat/completions").absoluteString }
        #expect(chat("http://localhost:8080") == "http://localhost:8080/v1/chat/completions")
        #expect(chat("http://localhost:8080/") == "http://localhost:8080/v1/chat/completions")
        #expect(chat("https://x.endpoints.huggingface.cloud/v1/") == "https://x.endpoints.huggingface.cloud/v1/chat/completions")
        #expect(chat("https://gw.example.com/v1/chat/completions") == "https://gw.example.com/v1/chat/completions")
        #expect(chat("https://gw.example.com/deploy?api-version=2") == "https://gw.example.com/deploy/v1/chat/completions?api-version=2")
        #expect(chat("https://gw.example.com/v1?a=/v1#f") == "https://gw.example.com/v1/chat/completions?a=/v1#f")
        #expect(chat("http://v1:8080") == "http://v1:8080/v1/chat/completions")
        #expect(chat("https://user:pw@gw.example.com/a%2Fb") == "https://user:pw@gw.example.com/a%2Fb/v1/chat/completions")
    }

    @Test("plain http is refused for non-loopback hosts, before any network call; loopback works")
    func insecureHTTP() async throws {
        // The transport refuses everything, so only what reaches it gets a network error.
        let transport = MemoryTransport { request in throw HTTPTransportError(.connectionFailed, "not reachable: \(request.route)") }
        let client = HFClient(configuration: HFConfiguration(token: "hf_x", environment: .empty), transport: transport)
        let error = await #expect(throws: HFError.self) {
            try await client.send(client.makeRequest(.post, url: URL(string: "http://router.example.com/v1/chat/completions")!))
        }
        #expect(error?.category == .validation)
        #expect(error?.field == "url")
        #expect(transport.requests.isEmpty)
        for host in ["127.0.0.1", "localhost", "[::1]", "127.8.9.10"] {
            let reached = await #expect(throws: HFError.self) {
                try await client.send(client.makeRequest(.post, url: URL(string: "http://\(host):8080/v1/chat/completions")!))
            }
            #expect(reached?.category == .network)
        }
        #expect(transport.requests.count == 4)
        var open = HFConfiguration(token: "hf_x", environment: .empty)
        open.allowsInsecureHTTP = true
        let trusted = HFClient(configuration: open, transport: transport)
        let reached = await #expect(throws: HFError.self) {
            try await trusted.send(trusted.makeRequest(.post, url: URL(string: "http://tgi.internal:8080/generate")!))
        }
        #expect(reached?.category == .network)
        #expect(transport.requests.count == 5)
    }
}

@Suite("Provider mapping shapes")
struct ProviderMappingTests {
    @Test("the object shape keeps the account's order")
    func objectShape() throws {
        let json = try JSONParser.parse(#"{"fireworks-ai":{"status":"staging","providerId":"accounts/fireworks/models/llama-v3-8b-instruct","task":"conversational"},"together":{"status":"live","providerId":"meta-llama/Meta-Llama-3-8B-Instruct-Turbo","task":"conversational"},"hf-inference":{"status":"live","providerId":"meta-llama/Meta-Llama-3-8B-Instruct","task":"conversational"}}"#)
        let mappings = ProviderMapping.parse(json, model: "meta-llama/Meta-Llama-3-8B-Instruct")
        #expect(mappings.map(\.provider) == [.fireworksAI, .together, .hfInference])
        #expect(mappings[0].status == .staging)
        #expect(mappings[1].providerModelID == "meta-llama/Meta-Llama-3-8B-Instruct-Turbo")
        #expect(mappings[1].hfModelID == "meta-llama/Meta-Llama-3-8B-Instruct")
        #expect(mappings.allSatisfy { $0.task == .conversational })
    }

    @Test("the array shape, with adapter fields")
    func arrayShape() throws {
        let json = try JSONParser.parse(#"[{"provider":"fal-ai","hfModelId":"user/flux-lora","providerId":"fal-ai/flux-lora","status":"live","task":"text-to-image","adapter":"lora","adapterWeightsPath":"lora.safetensors","type":"tag-filter"},{"providerId":"no-provider-field"}]"#)
        let mappings = ProviderMapping.parse(json, model: "user/flux-lora")
        #expect(mappings.count == 1)
        #expect(mappings[0].provider == .falAI)
        #expect(mappings[0].adapter == "lora")
        #expect(mappings[0].adapterWeightsPath == "lora.safetensors")
        #expect(mappings[0].type == "tag-filter")
        #expect(mappings[0].task == .textToImage)
    }
}
