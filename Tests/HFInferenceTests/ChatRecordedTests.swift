import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFInference

/// Every recorded non-streamed chat, replayed: the request we send (route, model id, body fields)
/// and what we make of the reply, compared with the recording field by field.
@Suite("Recorded chat completions")
struct ChatRecordedTests {
    static let providers: [Provider] = [.cerebras, .fireworksAI, .hyperbolic, .nebius, .novita, .sambaNova, .together]

    @Test("explicit provider: Hub mapping, then the provider's route with its model id", arguments: providers)
    func provider(_ provider: Provider) async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_\(provider)_conversational")
        let chat = try #require(recorded.inferenceInteraction)
        let sent = try chat.request.jsonBody()
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)
        let model = ModelID(rawValue: try #require(recorded.hubModelID))

        let completion = try await client.inference.chat(
            ChatCompletionRequest(model: model, messages: .recorded(sent), maxTokens: sent["max_tokens"]?.intValue),
            via: .provider(provider)
        )

        let requests = server.requests
        try #require(requests.count == 2)
        #expect(server.unmatchedRequests.isEmpty)
        #expect(requests[0].method == "GET")
        #expect(requests[0].host == "huggingface.co")
        #expect(requests[0].path == "/api/models/\(model)")
        #expect(requests[0].queryValues("expand") == ["inferenceProviderMapping"])
        try expectSameChat(requests[1], as: chat.request, stream: false)
        try expectSameCompletion(completion, as: chat.response)
    }

    @Test("hf-inference: the model's own chat route, no mapping needed", arguments: [
        "TestInferenceClient.test_chat_completion_no_stream_hf-inference_conversational",
        "TestInferenceClient.test_chat_completion_with_non_tgi",
        "TestOpenAICompatibility.test_without_base_url",
    ])
    func hfInference(_ stem: String) async throws {
        let recorded = try RecordedCase.load(stem)
        let chat = try #require(recorded.inferenceInteraction)
        let sent = try chat.request.jsonBody()
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)

        let completion = try await client.inference.chat(
            ChatCompletionRequest(model: ModelID(rawValue: try #require(sent["model"]?.stringValue)), messages: .recorded(sent), maxTokens: sent["max_tokens"]?.intValue),
            via: .provider(.hfInference)
        )

        try #require(server.requests.count == 1)
        try expectSameChat(server.requests[0], as: chat.request, stream: false)
        try expectSameCompletion(completion, as: chat.response)
    }

    @Test("a custom OpenAI-compatible base URL gets /v1/chat/completions")
    func endpoint() async throws {
        let recorded = try RecordedCase.load("TestOpenAICompatibility.test_base_url_and_api_key")
        let chat = try #require(recorded.inferenceInteraction)
        let sent = try chat.request.jsonBody()
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)
        let base = server.url(forHost: "api-inference.huggingface.co").appendingPathComponent("models/meta-llama/Meta-Llama-3-8B-Instruct")

        let completion = try await client.inference.chat(
            ChatCompletionRequest(model: .llama3_8BInstruct, messages: .recorded(sent), maxTokens: 1024),
            via: .endpoint(base)
        )

        try #require(server.requests.count == 1)
        try expectSameChat(server.requests[0], as: chat.request, stream: false)
        try expectSameCompletion(completion, as: chat.response)
        #expect(completion.text == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10!")
    }

    @Test("the router's /v1/chat/completions keeps the model id's provider or policy suffix", arguments: ["meta-llama/Meta-Llama-3-8B-Instruct:together", "meta-llama/Meta-Llama-3-8B-Instruct:cheapest", "meta-llama/Meta-Llama-3-8B-Instruct"])
    func router(_ model: String) async throws {
        // Recorded on together's own route; served on the router's, which answers the same way.
        let (server, chat) = try ReplayServer.serving(
            inferenceOf: "TestInferenceClient.test_chat_completion_no_stream_together_conversational",
            at: "https://router.huggingface.co/v1/chat/completions"
        )
        let client = HFClient.replaying(server)

        let completion = try await client.inference.chat(ChatCompletionRequest(model: ModelID(rawValue: model), messages: [.user("What is deep learning?")]))

        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.header("Authorization") == "Bearer \(testToken)")
        #expect(request.header("Accept") == "application/json")
        let body = try request.jsonBody()
        #expect(body.objectValue?.keys.first == "model")
        #expect(body["model"]?.stringValue == model)
        #expect(body["stream"] == false)
        try expectSameCompletion(completion, as: chat.response)
    }

    @Test("401 from the router: authentication error with the server's message and request id")
    func unauthorized() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_unprocessable_entity")
        let chat = try #require(recorded.inferenceInteraction)
        let server = try ReplayServer(case: recorded)
        let client = HFClient.replaying(server)
        var request = ChatCompletionRequest(model: "meta-llama/Meta-Llama-3-70B-Instruct", messages: [.user("please output 'Observation'")])
        request.maxTokens = 200
        request.stop = ["Observation", "Final Answer"]

        let error = await #expect(throws: HFError.self) { try await client.inference.chat(request, via: .provider(.hfInference)) }

        #expect(error?.category == .authentication)
        #expect(error?.status == 401)
        #expect(error?.message == "Invalid username or password.")
        #expect(error?.requestID == chat.response.headers["x-request-id"])
        #expect(error?.provider == .hfInference)
        let body = try #require(try server.requests.first?.jsonBody())
        #expect(server.requests.first?.path == chat.request.url.path)
        #expect(body["max_tokens"] == 200)
        #expect(body["stop"] == ["Observation", "Final Answer"])
    }
}

extension ChatRecordedTests {
    @Test("an error body sent with status 200 is the error it reports, not a decoding failure")
    func errorBodyWithSuccessStatus() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_unprocessable_entity")
        let server = try ReplayServer(case: recorded, plan: .status(200))
        let request = ChatCompletionRequest(model: "meta-llama/Meta-Llama-3-70B-Instruct", messages: [.user("Hi")])
        let error = await #expect(throws: HFError.self) { try await HFClient.replaying(server).inference.chat(request, via: .provider(.hfInference)) }
        #expect(error?.category == .api)
        #expect(error?.message == "Invalid username or password.")
        #expect(error?.requestID == recorded.interactions[1].response.headers["x-request-id"])
    }

    @Test("a reply of another shape is a decoding error quoting the body")
    func unexpectedShape() async throws {
        // A Hub model-info reply served where a chat reply is expected.
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_together_conversational")
        let server = try ReplayServer()
        server.serve(recorded.interactions[0], at: Route("POST", "https://router.huggingface.co/v1/chat/completions"))
        let error = await #expect(throws: HFError.self) {
            try await HFClient.replaying(server).inference.chat(ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")]))
        }
        #expect(error?.category == .decoding)
        #expect(error?.message.contains("choices") == true)
        #expect(error?.bodySnippet?.hasPrefix("{\"_id\"") == true)
    }
}

/// The legacy serverless API cases, recorded against `api-inference.huggingface.co`: served on the
/// route the client uses today (hf-inference's model route on the router), with the body we send
/// asserted. Bodies then carried `"model": "tgi"` and explicit nulls; today the Hub id leads and
/// nulls are left out.
@Suite("Recorded legacy chat completions")
struct LegacyChatTests {
    static func serve(_ stem: String, model: String) throws -> (ReplayServer, RecordedCase) {
        try ReplayServer.serving(stem, Self.chatRoute(model))
    }

    static func chatRoute(_ model: String) -> String {
        "https://router.huggingface.co/hf-inference/models/\(model)/v1/chat/completions"
    }

    @Test("no stream: text, TGI finish reason and usage")
    func noStream() async throws {
        let (server, recorded) = try Self.serve("legacy.InferenceClientVCRTest.test_chat_completion_no_stream", model: "HuggingFaceH4/zephyr-7b-beta")
        let chat = recorded.interactions[0]
        let client = HFClient.replaying(server)
        var request = ChatCompletionRequest(model: .zephyr7BBeta, messages: .recorded(try chat.request.jsonBody()))
        request.maxTokens = 20
        request.temperature = 1.0

        let completion = try await client.inference.chat(request, via: .provider(.hfInference))

        let body = try #require(try server.requests.first?.jsonBody())
        #expect(body["model"] == "HuggingFaceH4/zephyr-7b-beta")
        #expect(body["max_tokens"] == 20)
        #expect(body["temperature"]?.doubleValue == 1.0)
        #expect(body["seed"] == nil && body["top_p"] == nil)
        try expectSameCompletion(completion, as: chat.response)
        #expect(completion.choices.first?.finishReason == .length)
    }

    @Test("non-TGI model: finish reason eos_token read as an open value")
    func nonTGI() async throws {
        let (server, recorded) = try Self.serve("legacy.InferenceClientVCRTest.test_chat_completion_with_non_tgi", model: "microsoft/DialoGPT-small")
        let chat = recorded.interactions[0]
        let client = HFClient.replaying(server)
        let request = ChatCompletionRequest(model: "microsoft/DialoGPT-small", messages: .recorded(try chat.request.jsonBody()), maxTokens: 20)

        let completion = try await client.inference.chat(request, via: .provider(.hfInference))

        try expectSameCompletion(completion, as: chat.response)
        #expect(completion.choices.first?.finishReason == .eosToken)
        #expect(completion.text == "What does deep learning have to do with anything?")
    }

    @Test("422 text/plain from a text-generation server: api error with its message")
    func unprocessable() async throws {
        let (server, recorded) = try Self.serve("legacy.InferenceClientVCRTest.test_chat_completion_unprocessable_entity", model: "meta-llama/Meta-Llama-3-70B-Instruct")
        let response = recorded.interactions[0].response
        let client = HFClient.replaying(server)
        let request = ChatCompletionRequest(model: "meta-llama/Meta-Llama-3-70B-Instruct", messages: [.user("please output 'Observation'")], maxTokens: 200, stop: ["Observation", "Final Answer"])

        let error = await #expect(throws: HFError.self) { try await client.inference.chat(request, via: .provider(.hfInference)) }

        #expect(error?.category == .api)
        #expect(error?.status == 422)
        #expect(error?.message == response.bodyText)
        #expect(error?.requestID == response.headers["x-request-id"])
    }

    @Test("response_format json_schema is sent in the text-generation server's shape")
    func responseFormat() async throws {
        let (server, recorded) = try Self.serve("legacy.InferenceClientVCRTest.test_chat_completion_with_response_format", model: "meta-llama/Meta-Llama-3-70B-Instruct")
        let chat = recorded.interactions[0]
        let sent = try chat.request.jsonBody()
        let schema = try #require(sent["response_format"]?["value"])
        let client = HFClient.replaying(server)
        var request = ChatCompletionRequest(model: "meta-llama/Meta-Llama-3-70B-Instruct", messages: .recorded(sent), maxTokens: 500)
        request.responseFormat = .jsonSchema(name: "sighting", schema: schema)

        let completion = try await client.inference.chat(request, via: .provider(.hfInference))

        let body = try #require(try server.requests.first?.jsonBody())
        #expect(body["response_format"] == ["type": "json_object", "value": schema])
        try expectSameCompletion(completion, as: chat.response)
        let answer = try JSONParser.parse(try #require(completion.text))
        #expect(answer["animals"] == ["puppy", "cat", "raccoon"])
        #expect(answer["location"] == "park")
    }

    @Test("tools: definitions and tool_choice sent; numeric ids and object arguments read")
    func tools() async throws {
        let (server, recorded) = try Self.serve("legacy.InferenceClientVCRTest.test_chat_completion_with_tool", model: "meta-llama/Meta-Llama-3-70B-Instruct")
        let sent = try recorded.interactions[0].request.jsonBody()
        let tools = try #require(sent["tools"]?.arrayValue).map { tool in
            ChatTool.function(tool["function"]?["name"]?.stringValue ?? "", description: tool["function"]?["description"]?.stringValue, parameters: tool["function"]?["parameters"])
        }
        let client = HFClient.replaying(server)
        var request = ChatCompletionRequest(model: "meta-llama/Meta-Llama-3-70B-Instruct", messages: .recorded(sent), maxTokens: 500, tools: tools)

        request.toolChoice = .auto
        let first = try await client.inference.chat(request, via: .provider(.hfInference))
        request.toolChoice = .function("get_current_weather")
        let second = try await client.inference.chat(request, via: .provider(.hfInference))

        let bodies = try server.requests.map { try $0.jsonBody() }
        try #require(bodies.count == 2)
        #expect(bodies[0]["tools"] == sent["tools"])
        #expect(bodies[0]["tool_choice"] == "auto")
        #expect(bodies[1]["tool_choice"] == ["type": "function", "function": ["name": "get_current_weather"]])

        let forecast = try #require(first.choices.first?.message.toolCalls?.first)
        #expect(forecast.id == "0")
        #expect(forecast.function.name == "get_n_day_weather_forecast")
        let arguments = try forecast.function.parsedArguments()
        #expect(arguments == ["format": "fahrenheit", "location": "San Francisco, CA", "num_days": 3])
        #expect(first.choices.first?.message.content == nil)
        #expect(first.usage == TokenUsage(promptTokens: 246, completionTokens: 27, totalTokens: 273))
        #expect(second.choices.first?.message.toolCalls?.first?.function.name == "get_current_weather")

        // The reply goes back into the conversation as an assistant message with its tool calls.
        let replay = ChatMessage(try #require(first.choices.first?.message))
        let encoded = try JSONValueEncoder().encodeToValue(replay)
        #expect(encoded["tool_calls"]?[0]?["function"]?["name"] == "get_n_day_weather_forecast")
    }
}

// MARK: Helpers

extension [ChatMessage] {
    /// The text messages of a recorded request body.
    static func recorded(_ body: JSONValue) -> [ChatMessage] {
        body.textMessages.map { ChatMessage(role: ChatRole(rawValue: $0.role), content: .text($0.content)) }
    }
}

/// The request we sent matches the recorded one: path, model, messages, `max_tokens`, `stream`.
func expectSameChat(_ received: ReceivedRequest, as recorded: RecordedRequest, stream: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let body = try received.jsonBody()
    let expected = try recorded.jsonBody()
    #expect(received.method == "POST", sourceLocation: sourceLocation)
    #expect(received.path == recorded.url.path, sourceLocation: sourceLocation)
    #expect(received.header("Content-Type") == "application/json", sourceLocation: sourceLocation)
    #expect(body.objectValue?.keys.first == "model", sourceLocation: sourceLocation)
    #expect(body["model"] == expected["model"], sourceLocation: sourceLocation)
    #expect(body["messages"] == expected["messages"], sourceLocation: sourceLocation)
    #expect(body["max_tokens"] == expected["max_tokens"], sourceLocation: sourceLocation)
    #expect(body["stream"] == .bool(stream), sourceLocation: sourceLocation)
}

/// The typed reply holds what the recorded body says.
func expectSameCompletion(_ completion: ChatCompletion, as response: RecordedResponse, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let reply = try response.jsonBody()
    let choice = try #require(reply["choices"]?[0])
    #expect(completion.id == reply["id"]?.stringValue, sourceLocation: sourceLocation)
    #expect(completion.model == reply["model"]?.stringValue, sourceLocation: sourceLocation)
    #expect(completion.created == reply["created"]?.intValue, sourceLocation: sourceLocation)
    #expect(completion.systemFingerprint == reply["system_fingerprint"]?.stringValue, sourceLocation: sourceLocation)
    #expect(completion.choices.count == reply["choices"]?.arrayValue?.count, sourceLocation: sourceLocation)
    #expect(completion.text == choice["message"]?["content"]?.stringValue, sourceLocation: sourceLocation)
    #expect(completion.choices.first?.message.role?.rawValue == choice["message"]?["role"]?.stringValue, sourceLocation: sourceLocation)
    #expect(completion.choices.first?.finishReason?.rawValue == choice["finish_reason"]?.stringValue, sourceLocation: sourceLocation)
    #expect(completion.usage?.promptTokens == reply["usage"]?["prompt_tokens"]?.intValue, sourceLocation: sourceLocation)
    #expect(completion.usage?.completionTokens == reply["usage"]?["completion_tokens"]?.intValue, sourceLocation: sourceLocation)
    #expect(completion.usage?.totalTokens == reply["usage"]?["total_tokens"]?.intValue, sourceLocation: sourceLocation)
    if let text = completion.text {
        #expect(!text.isEmpty, sourceLocation: sourceLocation)
    }
}
