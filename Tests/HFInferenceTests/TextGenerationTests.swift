import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

import HFInference

/// Text generation with the text-generation-inference payload. The recorded cases were made
/// against the legacy API's `/models/{id}`; they are served on hf-inference's model route.
@Suite("Text generation")
struct TextGenerationTests {

    @Test("the TGI body goes to hf-inference's model route; generated_text comes back")
    func conversational() async throws {
        let (server, recorded) = try ReplayServer.serving("legacy.InferenceClientVCRTest.test_conversational", "https://router.huggingface.co/hf-inference/models/facebook/blenderbot-400M-distill")
        let client = HFClient.replaying(server)

        let first = try await client.inference.textGeneration("Hi, who are you?", model: "facebook/blenderbot-400M-distill")
        var request = TextGenerationRequest(inputs: "Wow, that's scary!")
        request.parameters.maxNewTokens = 20
        request.parameters.temperature = 0.5
        let second = try await client.inference.textGeneration(request, via: .model("facebook/blenderbot-400M-distill"))

        #expect(first == (try recorded.interactions[0].response.jsonBody())["generated_text"]?.stringValue)
        #expect(second.generatedText == (try recorded.interactions[1].response.jsonBody())["generated_text"]?.stringValue)
        #expect(second.details == nil)
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[0].path == "/hf-inference/models/facebook/blenderbot-400M-distill")
        #expect(requests[0].header("Authorization") == "Bearer \(testToken)")
        #expect(try requests[0].jsonBody() == ["inputs": "Hi, who are you?", "stream": false])
        #expect(try requests[1].jsonBody() == ["inputs": "Wow, that's scary!", "parameters": ["max_new_tokens": 20, "temperature": 0.5], "stream": false])
    }

    @Test("422 text/plain: api error with the server's message and request id")
    func unprocessable() async throws {
        let (server, recorded) = try ReplayServer.serving("legacy.InferenceClientVCRTest.test_unprocessable_entity_error", "https://router.huggingface.co/hf-inference/models/HuggingFaceH4/zephyr-7b-alpha")
        let response = recorded.interactions[0].response
        let client = HFClient.replaying(server)

        let error = await #expect(throws: HFError.self) {
            try await client.inference.textGeneration(TextGenerationRequest(inputs: "Hi, who are you?"), via: .model("HuggingFaceH4/zephyr-7b-alpha"))
        }

        #expect(error?.category == .api)
        #expect(error?.status == 422)
        #expect(error?.message == response.bodyText)
        #expect(error?.requestID == response.headers["x-request-id"])
        #expect(error?.provider == .hfInference)
    }

    @Test("an endpoint URL receives the body as is")
    func endpoint() async throws {
        let recorded = try RecordedCase.load("legacy.InferenceClientVCRTest.test_conversational")
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)
        let url = server.url(for: recorded.interactions[0].request.url)

        let output = try await client.inference.textGeneration(TextGenerationRequest(inputs: "Hi, who are you?"), via: .endpoint(url))

        #expect(output.generatedText == "I am the one who knocks.")
        #expect(server.requests.first?.path == "/models/facebook/blenderbot-400M-distill")
    }

    @Test("parameters under their wire names")
    func parameters() throws {
        let parameters = TextGenerationParameters(
            adapterID: "a", bestOf: 2, decoderInputDetails: true, details: true, doSample: true, frequencyPenalty: 0.1,
            grammar: .regex("[0-9]+"), maxNewTokens: 5, repetitionPenalty: 1.2, returnFullText: false, seed: 7,
            stop: ["\n"], temperature: 0.8, topK: 10, topNTokens: 3, topP: 0.95, truncate: 100, typicalP: 0.5, watermark: false
        )
        let body = try JSONValueEncoder().encodeToValue(TextGenerationRequest(inputs: "x", parameters: parameters))
        #expect(body["parameters"]?.objectValue?.keys == [
            "adapter_id", "best_of", "decoder_input_details", "details", "do_sample", "frequency_penalty", "grammar",
            "max_new_tokens", "repetition_penalty", "return_full_text", "seed", "stop", "temperature", "top_k",
            "top_n_tokens", "top_p", "truncate", "typical_p", "watermark",
        ])
        #expect(body["parameters"]?["grammar"] == ["type": "regex", "value": "[0-9]+"])
        #expect(try JSONValueEncoder().encodeToValue(TextGenerationGrammar.json(["type": "object"])) == ["type": "json", "value": ["type": "object"]])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let field: String
        let change: @Sendable (inout TextGenerationRequest) -> Void
        var testDescription: String { field }
    }

    static let invalid: [Case] = [
        Case(field: "inputs") { $0.inputs = "" },
        Case(field: "parameters.temperature") { $0.parameters.temperature = 0 },
        Case(field: "parameters.top_p") { $0.parameters.topP = 1 },
        Case(field: "parameters.typical_p") { $0.parameters.typicalP = 0 },
        Case(field: "parameters.repetition_penalty") { $0.parameters.repetitionPenalty = -1 },
        Case(field: "parameters.frequency_penalty") { $0.parameters.frequencyPenalty = 2.5 },
        Case(field: "parameters.max_new_tokens") { $0.parameters.maxNewTokens = 0 },
        Case(field: "parameters.top_k") { $0.parameters.topK = 0 },
        Case(field: "parameters.best_of") { $0.parameters.bestOf = 0 },
        Case(field: "parameters.decoder_input_details") { $0.parameters.decoderInputDetails = true },
    ]

    @Test("bad parameters fail before sending", arguments: invalid)
    func validation(_ testCase: Case) async throws {
        let server = try ReplayServer()
        let client = HFClient.replaying(server)
        var request = TextGenerationRequest(inputs: "Hello")
        testCase.change(&request)
        let error = await #expect(throws: HFError.self) { try await client.inference.textGeneration(request, via: .model(.zephyr7BBeta)) }
        #expect(error?.category == .validation)
        #expect(error?.field == testCase.field)
        #expect(server.requests.isEmpty)
    }

    @Test("a model id with a provider suffix is refused: hf-inference serves text generation")
    func suffix() async throws {
        let server = try ReplayServer()
        let error = await #expect(throws: HFError.self) {
            try await HFClient.replaying(server).inference.textGeneration("Hi", model: "HuggingFaceH4/zephyr-7b-beta:together")
        }
        #expect(error?.field == "model")
        #expect(server.requests.isEmpty)
    }
}
