import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFModels

/// `client.models.availability(of:)`. It asks for `expand[]=pipeline_tag&expand[]=inference&expand[]=inferenceProviderMapping`;
/// the recordings hold replies to narrower (`expand=inferenceProviderMapping`) and wider (no
/// `expand`) requests for the same resource, which are served on our request's route.
@Suite("Model availability")
struct ModelAvailabilityTests {
    static func serve(_ interaction: RecordedInteraction) throws -> ReplayServer {
        let server = try ReplayServer()
        server.serve(interaction, at: Route(method: "GET", host: "huggingface.co", path: interaction.request.url.path))
        return server
    }

    @Test("live and staging providers from every recorded mapping", arguments: HubInteraction.all(expanded: true))
    func recordedMappings(_ recorded: HubInteraction) async throws {
        let server = try Self.serve(recorded.interaction)
        let client = HFClient.replaying(server)

        let availability = try await client.models.availability(of: ModelID(rawValue: recorded.model))

        let sent = try #require(server.requests.only)
        #expect(sent.path == "/api/models/\(recorded.model)")
        #expect(sent.queryValues("expand[]") == ["pipeline_tag", "inference", "inferenceProviderMapping"])
        let mapping = try #require(try JSONParser.parse(recorded.interaction.response.body)["inferenceProviderMapping"]?.objectValue)
        let live = mapping.filter { $0.value["status"]?.stringValue == "live" }.map(\.key)
        let staging = mapping.filter { $0.value["status"]?.stringValue == "staging" }.map(\.key)
        #expect(availability.model == recorded.model)
        #expect(availability.liveProviders.map(\.provider.rawValue) == live)
        #expect(availability.stagingProviders.map(\.provider.rawValue) == staging)
        #expect(availability.failingProviders.isEmpty)
        #expect(availability.state == .available)
        #expect(availability.isServable)
    }

    @Test("Llama 3.2 3B as recorded: three live providers, four in staging; chat served by the live ones")
    func llamaStaging() async throws {
        let recorded = try #require(HubInteraction.all(expanded: true).first { $0.model == "meta-llama/Llama-3.2-3B-Instruct" })
        let server = try Self.serve(recorded.interaction)
        let client = HFClient.replaying(server)
        let availability = try await client.models.availability(of: .llama3_2_3BInstruct)
        #expect(availability.liveProviders.map(\.provider) == [.sambaNova, .together, .hfInference])
        #expect(availability.stagingProviders.map(\.provider) == [.fireworksAI, .nebius, .novita, .hyperbolic])
        #expect(availability.liveProviders(for: .conversational).count == 3)
        #expect(availability.liveProviders(for: .textToImage).isEmpty)
    }

    @Test("the legacy warm/cold status without a mapping", arguments: [
        ("InferenceApiTest.test_inference_overriding_task", "sentence-transformers/paraphrase-albert-small-v2", ModelAvailability.State.loadable),
        ("TestInferenceClient.test_feature_extraction_with_transformers_hf-inference_feature-extraction", "facebook/bart-base", .available),
    ])
    func legacyStatus(_ file: String, _ model: String, _ state: ModelAvailability.State) async throws {
        let interaction = try RecordedCase.load(file).interactions[0]
        let server = try Self.serve(interaction)
        let client = HFClient.replaying(server)
        let availability = try await client.models.availability(of: ModelID(rawValue: model))
        #expect(server.requests.only?.queryValues("expand[]") == ["pipeline_tag", "inference", "inferenceProviderMapping"])
        #expect(availability.state == state)
        #expect(availability.providers.isEmpty)
        #expect(availability.pipelineTag == (state == .loadable ? .sentenceSimilarity : .featureExtraction))
    }

    @Test("states from typed values: staging only, failing, nothing")
    func states() {
        func mapping(_ provider: Provider, _ status: ProviderMapping.Status) -> ProviderMapping {
            ProviderMapping(provider: provider, hfModelID: "m", providerModelID: "p", status: status, task: .featureExtraction)
        }
        #expect(ModelAvailability(model: "m", inference: nil, providers: [mapping(.together, .staging)]).state == .stagingOnly)
        let failing = ModelAvailability(model: "m", inference: nil, providers: [mapping(.together, .error)])
        #expect(failing.state == .unavailable)
        #expect(failing.failingProviders.count == 1)
        #expect(ModelAvailability(model: "m", inference: .frozen, providers: []).state == .unavailable)
        #expect(ModelAvailability(model: "m", inference: nil, providers: []).isServable == false)
        #expect(ModelAvailability(model: "m", inference: .warm, providers: []).isServable)
    }
}
