import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFModels

/// A recorded Hub model-info interaction (`GET https://huggingface.co/api/models/{id}`).
struct HubInteraction: CustomStringConvertible, Sendable {
    let file: String
    let interaction: RecordedInteraction

    var model: String { String(interaction.request.url.path.dropFirst("/api/models/".count)) }
    var description: String { "\(model) (\(file))" }

    /// Every successful model-info interaction recorded, one per distinct response body.
    static func all(expanded: Bool) -> [HubInteraction] {
        var seen: Set<Data> = []
        return try! RecordedCase.allFileStems().flatMap { file in
            try! RecordedCase.load(file).interactions.compactMap { interaction in
                let url = interaction.request.url
                guard url.host == "huggingface.co", url.path.hasPrefix("/api/models/"), interaction.response.status == 200,
                      (url.query != nil) == expanded, seen.insert(interaction.response.body).inserted
                else { return nil }
                return HubInteraction(file: file, interaction: interaction)
            }
        }
    }

    var object: [String: Any] {
        try! JSONSerialization.jsonObject(with: interaction.response.body) as! [String: Any]
    }
}

@Suite("Model info")
struct ModelInfoTests {
    @Test("every recorded model-info reply: the request we send and the typed fields", arguments: HubInteraction.all(expanded: false))
    func recordedInfo(_ recorded: HubInteraction) async throws {
        let server = try ReplayServer()
        server.serve(recorded.interaction)
        let client = HFClient.replaying(server)

        let info = try await client.models.info(ModelID(rawValue: recorded.model))

        let sent = try #require(server.requests.only)
        #expect(sent.method == "GET")
        #expect(sent.path == "/api/models/\(recorded.model)")
        #expect(sent.query.isEmpty)
        #expect(sent.header("Accept") == "application/json")
        #expect(sent.header("Authorization") == "Bearer \(testToken)")
        let object = recorded.object
        #expect(info.id == object["id"] as? String)
        #expect(info.objectID == object["_id"] as? String)
        #expect(info.author == object["author"] as? String)
        #expect(info.sha == object["sha"] as? String)
        #expect(info.pipelineTag?.rawValue == object["pipeline_tag"] as? String)
        #expect(info.libraryName == object["library_name"] as? String)
        #expect(info.tags == object["tags"] as? [String])
        #expect(info.downloads == object["downloads"] as? Int)
        #expect(info.likes == object["likes"] as? Int)
        #expect(info.isPrivate == object["private"] as? Bool)
        #expect(info.isDisabled == object["disabled"] as? Bool)
        #expect(info.inference?.rawValue == object["inference"] as? String)
        #expect(info.maskToken == object["mask_token"] as? String)
        switch object["gated"] {
        case let flag as Bool: #expect(info.gated == (flag ? Gating(rawValue: "true") : .notGated))
        case let mode as String: #expect(info.gated?.rawValue == mode)
        default: #expect(info.gated == nil)
        }
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        #expect(info.createdAt == (object["createdAt"] as? String).flatMap(iso.date(from:)))
        #expect(info.lastModified == (object["lastModified"] as? String).flatMap(iso.date(from:)))
        #expect(info.createdAt != nil)
        #expect(info.providerMappings == nil)
        #expect(info.json.keys == (try JSONParser.parse(recorded.interaction.response.body)).objectValue?.keys)
    }

    @Test("renamed repositories: the 307 is followed and the canonical id returned", arguments: [
        ("InferenceApiTest.test_simple_inference", "bert-base-uncased", "google-bert/bert-base-uncased"),
        ("TestInferenceClient.test_hf_inference_get_recommended_model_has_recommendation", "t5-small", "google-t5/t5-small"),
    ])
    func redirects(_ file: String, _ model: String, _ canonical: String) async throws {
        let server = try ReplayServer(case: RecordedCase.load(file))
        let client = HFClient.replaying(server)

        let info = try await client.models.info(ModelID(rawValue: model))

        #expect(server.requests.map(\.path) == ["/api/models/\(model)", "/api/models/\(canonical)"])
        #expect(info.id == canonical)
        #expect(info.pipelineTag == (model == "t5-small" ? .translation : .fillMask))
        #expect(info.inference == .warm)
    }

    @Test("the recommended-model case: both Hub look-ups, in the recorded order")
    func recommendedModelCase() async throws {
        let server = try ReplayServer(case: RecordedCase.load("TestInferenceClient.test_hf_inference_get_recommended_model_has_recommendation"))
        let client = HFClient.replaying(server)
        let bart = try await client.models.info("facebook/bart-base")
        let t5 = try await client.models.info("t5-small")
        #expect(bart.pipelineTag == .featureExtraction && bart.libraryName == "transformers" && bart.downloads == 2924294 && bart.likes == 178)
        #expect(t5.id == "google-t5/t5-small" && t5.tags?.contains("text2text-generation") == true)
        #expect(server.requests.map(\.path) == ["/api/models/facebook/bart-base", "/api/models/t5-small", "/api/models/google-t5/t5-small"])
    }

    @Test("expand[]: the mapping object read in the account's order, with status and task", arguments: HubInteraction.all(expanded: true))
    func expandedMapping(_ recorded: HubInteraction) async throws {
        let server = try ReplayServer()
        server.serve(recorded.interaction)
        let client = HFClient.replaying(server)

        let info = try await client.models.info(ModelID(rawValue: recorded.model), expand: [.inferenceProviderMapping])

        let sent = try #require(server.requests.only)
        #expect(sent.query.map(\.name) == ["expand[]"])
        #expect(sent.queryValues("expand[]") == ["inferenceProviderMapping"])
        let mapping = try #require(try JSONParser.parse(recorded.interaction.response.body)["inferenceProviderMapping"]?.objectValue)
        let mappings = try #require(info.providerMappings)
        #expect(mappings.map(\.provider.rawValue) == mapping.keys)
        for entry in mappings {
            let recordedEntry = try #require(mapping[entry.provider.rawValue])
            #expect(entry.status.rawValue == recordedEntry["status"]?.stringValue)
            #expect(entry.task.rawValue == recordedEntry["task"]?.stringValue)
            #expect(entry.providerModelID == recordedEntry["providerId"]?.stringValue)
            #expect(entry.hfModelID == recorded.model)
        }
    }

    @Test("a reply that is not a model object is a decoding error")
    func notAModel() async throws {
        // A real Hub reply of another kind: the 307's plain-text body, served with status 200.
        let recorded = try RecordedCase.load("InferenceApiTest.test_simple_inference").interactions[0]
        let server = try ReplayServer()
        server.serve(recorded, plan: .status(200))
        let client = HFClient.replaying(server)
        let error = await #expect(throws: HFError.self) { try await client.models.info("bert-base-uncased") }
        #expect(error?.category == .decoding)
        #expect(error?.bodySnippet?.hasPrefix("Temporary Redirect") == true)
    }
}
