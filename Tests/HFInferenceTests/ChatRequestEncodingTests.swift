import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFInference

/// The JSON we send: key order, omitted nils, every field's wire name and shape, extra fields, and
/// the per-provider rewrites.
@Suite("Chat request encoding")
struct ChatRequestEncodingTests {
    static func encode(_ request: ChatCompletionRequest) throws -> JSONValue {
        try JSONValueEncoder().encodeToValue(request)
    }

    @Test("model leads, nil fields are left out")
    func minimal() throws {
        let body = try Self.encode(ChatCompletionRequest(model: .llama3_8BInstruct, messages: [.user("Hi")]))
        #expect(body == ["model": "meta-llama/Meta-Llama-3-8B-Instruct", "messages": [["role": "user", "content": "Hi"]]])
        #expect(body.objectValue?.keys == ["model", "messages"])
    }

    @Test("every field under its wire name")
    func allFields() throws {
        var request = ChatCompletionRequest(model: "org/model", messages: [.system("Be brief."), .user("Hi")])
        request.frequencyPenalty = 0.5
        request.presencePenalty = -0.5
        request.repetitionPenalty = 1.1
        request.logprobs = true
        request.topLogprobs = 2
        request.maxTokens = 100
        request.n = 1
        request.responseFormat = .jsonObject
        request.seed = 42
        request.stop = ["\n\n"]
        request.streamOptions = StreamOptions(includeUsage: true)
        request.temperature = 0.7
        request.topP = 0.9
        request.tools = [.function("lookup", description: "Look up a word", parameters: ["type": "object"])]
        request.toolChoice = .required
        request.toolPrompt = "Use the tools."
        let body = try Self.encode(request)
        #expect(body.objectValue?.keys == [
            "model", "messages", "frequency_penalty", "presence_penalty", "repetition_penalty", "logprobs", "top_logprobs",
            "max_tokens", "n", "response_format", "seed", "stop", "stream_options", "temperature", "top_p", "tool_choice",
            "tool_prompt", "tools",
        ])
        #expect(body["response_format"] == ["type": "json_object"])
        #expect(body["stream_options"] == ["include_usage": true])
        #expect(body["tool_choice"] == "required")
        #expect(body["tools"] == [["type": "function", "function": ["name": "lookup", "description": "Look up a word", "parameters": ["type": "object"]]]])
        #expect(body["top_p"]?.doubleValue == 0.9)
    }

    @Test("messages: text, parts with images, tool calls and tool results")
    func messages() throws {
        let call = ToolCall(id: "call_1", function: FunctionCall(name: "f", arguments: "{\"x\":1}"))
        let request = ChatCompletionRequest(model: "org/model", messages: [
            .user([.text("What is this?"), .imageURL("https://example.com/cat.png", detail: "low"), .image(data: Data([1, 2, 3]), mimeType: "image/png")]),
            ChatMessage(role: .assistant, content: nil, toolCalls: [call]),
            .tool("{\"y\":2}", callID: "call_1"),
        ])
        let messages = try #require(try Self.encode(request)["messages"])
        #expect(messages[0] == ["role": "user", "content": [
            ["type": "text", "text": "What is this?"],
            ["type": "image_url", "image_url": ["url": "https://example.com/cat.png", "detail": "low"]],
            ["type": "image_url", "image_url": ["url": "data:image/png;base64,AQID"]],
        ]])
        #expect(messages[1] == ["role": "assistant", "tool_calls": [["id": "call_1", "type": "function", "function": ["name": "f", "arguments": "{\"x\":1}"]]]])
        #expect(messages[2] == ["role": "tool", "content": "{\"y\":2}", "tool_call_id": "call_1"])
    }

    @Test("tool choice and response format forms")
    func choicesAndFormats() throws {
        func encoded(_ value: some Encodable) throws -> JSONValue { try JSONValueEncoder().encodeToValue(value) }
        #expect(try encoded(ToolChoice.auto) == "auto")
        #expect(try encoded(ToolChoice.none) == "none")
        #expect(try encoded(ToolChoice.function("f")) == ["type": "function", "function": ["name": "f"]])
        #expect(try encoded(ResponseFormat.text) == ["type": "text"])
        #expect(try encoded(ResponseFormat.jsonSchema(name: "n", schema: ["type": "object"], strict: true))
            == ["type": "json_schema", "json_schema": ["name": "n", "schema": ["type": "object"], "strict": true]])
        let grammar: [(String, JSONValue)] = [("type", "json"), ("value", ["type": "object"])]
        #expect(try encoded(ResponseFormat.custom(JSONObject(grammar))) == ["type": "json", "value": ["type": "object"]])
    }

    @Test("extra fields are merged at the top level and win, but never over model, messages or stream")
    func extraFields() throws {
        var request = ChatCompletionRequest(model: "org/model", messages: [.user("Hi")], temperature: 0.2)
        request.stream = false
        request.extraFields = JSONObject([("reasoning_effort", "low"), ("temperature", 0.9), ("model", "other"), ("messages", [] as JSONValue), ("stream", true)] as [(String, JSONValue)])
        let body = try Self.encode(request)
        #expect(body["model"] == "org/model")
        #expect(body["messages"] == [["role": "user", "content": "Hi"]])
        #expect(body["stream"] == false)
        #expect(body["reasoning_effort"] == "low")
        #expect(body["temperature"] == 0.9)
        #expect(body.objectValue?.keys == ["model", "messages", "stream", "reasoning_effort", "temperature"])
    }

    static let rewrites: [(Provider, JSONValue)] = [
        (.together, ["type": "json_schema", "schema": ["type": "object"]]),
        (.fireworksAI, ["type": "json_object", "schema": ["type": "object"]]),
        (.cohere, ["type": "json_object", "schema": ["type": "object"]]),
        (.hfInference, ["type": "json_object", "value": ["type": "object"]]),
        (.novita, ["type": "json_schema", "json_schema": ["name": "n", "schema": ["type": "object"]]]),
    ]

    @Test("json_schema is rewritten per provider, only for that provider", arguments: rewrites)
    func jsonSchemaRewrite(_ provider: Provider, _ expected: JSONValue) throws {
        let request = ChatCompletionRequest(model: "org/model", messages: [.user("Hi")], responseFormat: .jsonSchema(name: "n", schema: ["type": "object"]))
        let canonical = try #require(try Self.encode(request).objectValue)
        let adapter = try #require(AdapterRegistry.standard.adapter(for: provider, task: .conversational))
        let body = try adapter.jsonBody(from: canonical, model: TaskModel(asGiven: "org/model", hubID: "org/model", providerID: "provider-id"))
        #expect(body["response_format"] == expected)
        #expect(body["model"] == (provider == .hfInference ? "org/model" : "provider-id"))
    }

    @Test("cerebras: `store` is dropped on its route, and kept through the router; no stream_options without streaming")
    func cerebrasStore() async throws {
        let recorded = try RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational")
        let server = try ReplayServer(case: recorded)
        let chat = try #require(recorded.inferenceInteraction)
        server.serve(chat, at: Route("POST", "https://router.huggingface.co/v1/chat/completions"))
        let client = HFClient.replaying(server)
        var request = ChatCompletionRequest(model: .llama3_3_70BInstruct, messages: [.user("What is deep learning?")])
        request.extraFields["store"] = false

        request.streamOptions = StreamOptions(includeUsage: true)
        _ = try await client.inference.chat(request, via: .provider(.cerebras))
        _ = try await client.inference.chat(request)

        let bodies = try server.requests.filter { $0.method == "POST" }.map { try $0.jsonBody() }
        try #require(bodies.count == 2)
        #expect(bodies[0]["store"] == nil)
        #expect(bodies[0]["model"] == "llama-3.3-70b")
        #expect(bodies[1]["store"] == false)
        // stream_options only go with streamed requests.
        #expect(bodies.allSatisfy { $0["stream_options"] == nil })
    }

    @Test("custom endpoint URLs", arguments: [
        ("http://localhost:8080", "http://localhost:8080/v1/chat/completions"),
        ("http://localhost:8080/", "http://localhost:8080/v1/chat/completions"),
        ("http://localhost:8080/v1", "http://localhost:8080/v1/chat/completions"),
        ("http://localhost:8080/v1/chat/completions", "http://localhost:8080/v1/chat/completions"),
        ("https://x.endpoints.huggingface.cloud/models/m?key=1", "https://x.endpoints.huggingface.cloud/models/m/v1/chat/completions?key=1"),
    ])
    func endpointURL(_ base: String, _ expected: String) async throws {
        let client = HFClient(configuration: .inMemory())
        let route = try await client.route(.conversational, model: "tgi", to: .endpoint(try #require(URL(string: base)), .openAI), context: client.context(.chat))
        #expect(route.url.absoluteString == expected)
        #expect(route.model.asGiven == "tgi")
        #expect(route.token == .ifAvailable)
    }
}
