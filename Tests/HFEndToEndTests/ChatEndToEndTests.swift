import Foundation
import HFFull
import Testing

extension EndToEndTests {
    @Suite("Chat") struct Chat {
        let client = HFClient()

        @Test("whole and streamed chat agree under greedy decoding; finish reason, usage and max_tokens; figures")
        func wholeAndStreamAgree() async throws {
            let request = EndToEndServer.request("Tell me about the river and the stone.", maxTokens: 200)
            let clock = ContinuousClock()

            let wholeStart = clock.now
            let whole = try await client.inference.chat(request, via: try EndToEndServer.target)
            let wholeTime = clock.now - wholeStart
            let choice = try #require(whole.choices.first)
            let text = try #require(choice.message.content)
            #expect(choice.finishReason == .length)
            #expect(whole.usage?.completionTokens == 200)
            #expect(whole.usage.map { $0.totalTokens == ($0.promptTokens ?? 0) + ($0.completionTokens ?? 0) } == true)
            #expect(!text.isEmpty)

            let streamStart = clock.now
            var pieces: [String] = []
            var firstPiece: ContinuousClock.Instant?
            var finishReasons: [FinishReason] = []
            for try await chunk in try client.inference.chatStream(request, via: try EndToEndServer.target) {
                if let piece = chunk.text, !piece.isEmpty {
                    firstPiece = firstPiece ?? clock.now
                    pieces.append(piece)
                }
                if let reason = chunk.finishReason { finishReasons.append(reason) }
            }
            let streamEnd = clock.now

            #expect(pieces.joined() == text)
            #expect(finishReasons == [.length])
            // One piece per generated token at most: max_tokens holds for streams too.
            #expect(pieces.count <= 200 && pieces.count > 100)

            let first = try #require(firstPiece)
            let serverRate = Double(whole.usage?.completionTokens ?? 0) / (wholeTime.milliseconds / 1000)
            let clientRate = Double(pieces.count - 1) / ((streamEnd - first).milliseconds / 1000)
            EndToEndServer.figure(String(format: "time to first piece %.0f ms; %d pieces at %.0f pieces/s through the client; unstreamed, the server generates %.0f tokens/s (200 tokens in %.0f ms)",
                (first - streamStart).milliseconds, pieces.count, clientRate, serverRate, wholeTime.milliseconds))
        }

        @Test("a stop sequence ends the answer before it, with finish reason stop")
        func stopSequence() async throws {
            var request = EndToEndServer.request("Say something about the garden.", maxTokens: 40)
            let full = try #require(try await client.inference.chat(request, via: try EndToEndServer.target).choices.first?.message.content)
            // A word from the middle of the greedy answer: the same request stops just before it.
            let words = full.split(separator: " ").map(String.init).filter { $0.count >= 2 }
            let stop = try #require(words.dropFirst(words.count / 2).first)
            let stopRange = try #require(full.range(of: stop))
            let expected = String(full[..<stopRange.lowerBound])
            request.stop = [stop]

            let reply = try await client.inference.chat(request, via: try EndToEndServer.target)
            #expect(reply.choices.first?.finishReason == .stop)
            #expect(reply.choices.first?.message.content == expected)

            var streamed = ""
            var reasons: [FinishReason] = []
            for try await chunk in try client.inference.chatStream(request, via: try EndToEndServer.target) {
                streamed += chunk.text ?? ""
                if let reason = chunk.finishReason { reasons.append(reason) }
            }
            #expect(streamed == expected)
            #expect(reasons == [.stop])
        }

        struct Answer: Decodable, Equatable {
            let ok: Bool
            let count: Int
        }

        @Test("JSON mode with a schema (llama.cpp's own `schema` member) gives JSON that decodes into the caller's type")
        func jsonMode() async throws {
            var request = EndToEndServer.request("Answer in JSON.", maxTokens: 60)
            request.responseFormat = .custom([
                "type": "json_object",
                "schema": ["type": "object", "properties": ["ok": ["type": "boolean"], "count": ["type": "integer"]], "required": ["ok", "count"]],
            ])
            let reply = try await client.inference.chat(request, via: try EndToEndServer.target)
            #expect(reply.choices.first?.finishReason == .stop)
            let answer: Answer = try reply.decode()
            let content = try #require(reply.choices.first?.message.content)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any])
            #expect(object["ok"] as? Bool == answer.ok && object["count"] as? Int == answer.count)

            var text = ""
            for try await piece in try client.inference.chatStream(request, via: try EndToEndServer.target).text { text += piece }
            #expect(text == content)

            // Too few tokens for the whole object: the decoding error says to raise the limit.
            request.maxTokens = 4
            let cut = try await client.inference.chat(request, via: try EndToEndServer.target)
            #expect(cut.choices.first?.finishReason == .length)
            let error = #expect(throws: HFError.self) { try cut.decode(as: Answer.self) }
            #expect(error?.recoverySuggestion.contains("raise `maxTokens`") == true)
        }

        static let weather = ChatTool(function: .init(
            name: "get_weather", description: "Current weather in a city",
            parameters: ["type": "object", "properties": ["city": ["type": "string", "enum": ["Paris", "Rome"]]], "required": ["city"]]
        ))

        @Test("a forced tool call comes back whole and streamed, with arguments matching the schema")
        func toolCall() async throws {
            var request = EndToEndServer.request("What is the weather in Paris?", maxTokens: 60)
            request.tools = [Self.weather]
            request.toolChoice = .function("get_weather")

            let reply = try await client.inference.chat(request, via: try EndToEndServer.target)
            let choice = try #require(reply.choices.first)
            #expect(choice.finishReason == .toolCalls)
            let call = try #require(choice.message.toolCalls?.first)
            #expect(call.function.name == "get_weather")
            let city = try call.function.parsedArguments().objectValue?["city"]?.stringValue
            #expect(city == "Paris" || city == "Rome")

            var calls = ToolCallAccumulator()
            var reasons: [FinishReason] = []
            for try await chunk in try client.inference.chatStream(request, via: try EndToEndServer.target) {
                calls.add(chunk)
                if let reason = chunk.finishReason { reasons.append(reason) }
            }
            #expect(reasons == [.toolCalls])
            let streamed = try #require(calls.toolCalls.first)
            #expect(calls.toolCalls.count == 1)
            #expect(streamed.function.name == "get_weather")
            #expect(try streamed.function.parsedArguments() == call.function.parsedArguments())
        }

        @Test("cancelling a stream mid-answer closes the connection and the server stops generating")
        func cancellation() async throws {
            let request = EndToEndServer.request("Tell me a very long story.", maxTokens: 400)
            let before = try EndToEndServer.disconnectsLogged()
            let received = Received()
            let target = try EndToEndServer.target
            let client = client
            let task = Task {
                for try await piece in try client.inference.chatStream(request, via: target).text {
                    await received.add(piece)
                }
            }
            try await received.waitFor(pieces: 5)
            task.cancel()
            let outcome = await task.result
            let error = outcome.error as? HFError
            #expect(outcome.isSuccess || error?.category == .cancelled)

            // The server logs the disconnect when it next looks, after at most one more token.
            var after = before
            for _ in 0..<100 where after == before {
                try await Task.sleep(for: .milliseconds(100))
                after = try EndToEndServer.disconnectsLogged()
            }
            #expect(after == before + 1)
            let count = await received.count
            #expect(count < 400)
            // The server goes on serving: the next request on the same client is answered.
            let next = try await client.inference.chat(EndToEndServer.request("Hello", maxTokens: 4), via: target)
            #expect(next.usage?.completionTokens == 4)
        }

        @Test("100 concurrent streams against one server all finish, each with the greedy answer")
        func concurrentStreams() async throws {
            let request = EndToEndServer.request("Hello there", maxTokens: 8)
            let target = try EndToEndServer.target
            let expected = try await client.inference.chat(request, via: target).choices.first?.message.content
            let client = client
            let clock = ContinuousClock()
            let start = clock.now
            let answers = try await withThrowingTaskGroup(of: (String, [FinishReason]).self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        var text = ""
                        var reasons: [FinishReason] = []
                        for try await chunk in try client.inference.chatStream(request, via: target) {
                            text += chunk.text ?? ""
                            if let reason = chunk.finishReason { reasons.append(reason) }
                        }
                        return (text, reasons)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let elapsed = clock.now - start
            #expect(answers.count == 100)
            // A stream the server cut short (`interrupt_requests`, on by default) ends with `[DONE]`
            // and no finish reason; Scripts/e2e/llama-server.sh turns that off.
            #expect(answers.allSatisfy { $0.0 == expected && $0.1 == [.length] })
            EndToEndServer.figure(String(format: "100 concurrent streams of 8 tokens finished in %.0f ms", elapsed.milliseconds))
        }
    }
}

/// Pieces a stream delivered, shared with the test that waits for them.
actor Received {
    private(set) var count = 0

    func add(_ piece: String) {
        if !piece.isEmpty { count += 1 }
    }

    func waitFor(pieces: Int) async throws {
        for _ in 0..<600 where count < pieces {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(count >= pieces)
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }

    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
