import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

import HFInference

/// Bad input fails before anything is sent, with a validation error naming the field and what is allowed.
@Suite("Chat validation")
struct ChatValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let field: String
        let fragment: String
        let change: @Sendable (inout ChatCompletionRequest) -> Void
        var testDescription: String { "\(field): \(fragment)" }
    }

    static let cases: [Case] = [
        Case(field: "messages", fragment: "must not be empty") { $0.messages = [] },
        Case(field: "messages[0].content", fragment: "must not be empty") { $0.messages = [.user([])] },
        Case(field: "temperature", fragment: "allowed: 0 to 2") { $0.temperature = 2.5 },
        Case(field: "temperature", fragment: "allowed: 0 to 2") { $0.temperature = -0.1 },
        Case(field: "temperature", fragment: "allowed: 0 to 2") { $0.temperature = .nan },
        Case(field: "top_p", fragment: "allowed: 0 to 1") { $0.topP = 1.5 },
        Case(field: "frequency_penalty", fragment: "allowed: -2 to 2") { $0.frequencyPenalty = 3 },
        Case(field: "presence_penalty", fragment: "allowed: -2 to 2") { $0.presencePenalty = -2.5 },
        Case(field: "repetition_penalty", fragment: "allowed: above 0") { $0.repetitionPenalty = 0 },
        Case(field: "max_tokens", fragment: "must be at least 1") { $0.maxTokens = 0 },
        Case(field: "n", fragment: "must be at least 1") { $0.n = -1 },
        Case(field: "top_logprobs", fragment: "allowed: 0 to 5") { $0.logprobs = true; $0.topLogprobs = 6 },
        Case(field: "top_logprobs", fragment: "needs logprobs") { $0.topLogprobs = 2 },
        Case(field: "stop", fragment: "at most 4") { $0.stop = ["a", "b", "c", "d", "e"] },
        Case(field: "model", fragment: "empty") { $0.model = "" },
        Case(field: "model", fragment: "contains ' '") { $0.model = "meta llama/x" },
        Case(field: "model", fragment: "more than one ':'") { $0.model = "a/b:c:d" },
        Case(field: "model", fragment: "is a URL") { $0.model = "https://example.com/model" },
        Case(field: "tool_choice", fragment: "\"lookup\", which is not among the tools given; the request's tools are: search") {
            $0.tools = [.function("search")]
            $0.toolChoice = .function("lookup")
        },
        Case(field: "tool_choice", fragment: "the request has no tools") { $0.toolChoice = .function("lookup") },
        Case(field: "tool_choice", fragment: "no tools") { $0.toolChoice = .required },
        Case(field: "tools[0].function.name", fragment: "must not be empty") { $0.tools = [.function(" ")] },
        Case(field: "response_format.json_schema.name", fragment: "must not be empty") { $0.responseFormat = .jsonSchema(name: "") },
        Case(field: "extraFields", fragment: "NaN or an infinity") { $0.extraFields["temperature"] = .double(.nan) },
        Case(field: "extraFields", fragment: "NaN or an infinity") { $0.extraFields["logit_bias"] = [1, .double(-.infinity)] },
        Case(field: "tools[0].function.parameters", fragment: "NaN or an infinity") { $0.tools = [.function("f", parameters: ["maximum": .double(.infinity)])] },
        Case(field: "response_format.json_schema.schema", fragment: "NaN or an infinity") { $0.responseFormat = .jsonSchema(name: "n", schema: ["minimum": .double(.nan)]) },
    ]

    @Test("fails before sending, naming the field and the allowed values", arguments: cases)
    func invalid(_ testCase: Case) async throws {
        let server = try ReplayServer()
        let client = HFClient.replaying(server)
        var request = ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")])
        testCase.change(&request)

        for target in [ChatTarget.router, .provider(.together)] {
            let error = await #expect(throws: HFError.self) { try await client.inference.chat(request, via: target) }
            #expect(error?.category == .validation)
            #expect(error?.field == testCase.field)
            #expect(error?.message.contains(testCase.fragment) == true, "\(error?.message ?? "")")
        }
        #expect(server.requests.isEmpty)
    }

    @Test("boundary values are accepted")
    func boundaries() throws {
        var request = ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")])
        request.temperature = 0
        request.topP = 1
        request.frequencyPenalty = -2
        request.presencePenalty = 2
        request.logprobs = true
        request.topLogprobs = 5
        request.maxTokens = 1
        request.stop = ["a", "b", "c", "d"]
        request.tools = [.function("search")]
        request.toolChoice = .function("search")
        try request.validate()
    }

    @Test("a custom endpoint takes any model name the server knows")
    func endpointModel() throws {
        try ChatCompletionRequest(model: "tgi", messages: [.user("Hi")]).validate(hubModel: false)
        try ChatCompletionRequest(model: "llama3.2:3b", messages: [.user("Hi")]).validate(hubModel: false)
        #expect(throws: HFError.self) { try ChatCompletionRequest(model: " ", messages: [.user("Hi")]).validate(hubModel: false) }
    }

    @Test("an explicit provider that contradicts the model's suffix is refused")
    func contradictingSuffix() async throws {
        let server = try ReplayServer()
        let client = HFClient.replaying(server)
        let request = ChatCompletionRequest(model: "org/model:cerebras", messages: [.user("Hi")])
        let error = await #expect(throws: HFError.self) { try await client.inference.chat(request, via: .provider(.together)) }
        #expect(error?.field == "model")
        #expect(server.requests.isEmpty)
    }

    @Test("the one-line chat refuses an empty prompt, and a missing token, before sending")
    func oneLiner() async throws {
        let server = try ReplayServer()
        let error = await #expect(throws: HFError.self) { try await HFClient.replaying(server).inference.chat("  ", model: .llama3_8BInstruct) }
        #expect(error?.field == "prompt")
        let missing = await #expect(throws: HFError.self) { try await HFClient.replaying(server, token: nil).inference.chat("Hi", model: .llama3_8BInstruct) }
        #expect(missing?.category == .authentication)
        #expect(server.requests.isEmpty)
    }
}
