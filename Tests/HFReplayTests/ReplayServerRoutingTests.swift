import Foundation
import HFCore
import HFReplay
import Testing

@Suite struct ReplayServerRoutingTests {
    @Test func servesRecordedChatBodyByteForByte() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded)
        let interaction = recorded.interactions[1]

        let (body, response) = try await HTTP.replay(interaction.request, on: server)

        #expect(response.statusCode == 200)
        #expect(body == interaction.response.body)
        #expect(response.value(forHTTPHeaderField: "Content-Type") == "application/json")
        #expect(response.value(forHTTPHeaderField: "x-request-id") == interaction.response.headers["x-request-id"])
        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.host == "router.huggingface.co")
        #expect(received.path == "/cerebras/v1/chat/completions")
        #expect(received.target == "/router.huggingface.co/cerebras/v1/chat/completions")
        #expect(received.ruleIndex == 1)
        #expect(received.header("CONTENT-TYPE") == "application/json")
        #expect(try received.jsonObject()["model"] as? String == "llama-3.3-70b")
        #expect(server.rules.map(\.timesServed) == [0, 1])
    }

    @Test func everyRecordedInteractionReplays() async throws {
        for recorded in try RecordedCase.all() {
            let server = try ReplayServer(case: recorded)
            // The client follows redirects itself, landing on the next recorded interaction.
            let direct = recorded.interactions.filter { !(300..<400).contains($0.response.status) }
            for interaction in direct {
                let (body, response) = try await HTTP.replay(interaction.request, on: server)
                #expect(response.statusCode == interaction.response.status, "\(recorded.fileStem)")
                #expect(body == server.servedBody(for: interaction.response), "\(recorded.fileStem)")
            }
            #expect(server.unmatchedRequests.isEmpty, "\(recorded.fileStem)")
            #expect(server.requests.count == direct.count, "\(recorded.fileStem)")
            if let upload = recorded.interactions.last(where: { $0.request.body != nil })?.request {
                #expect(server.requests.contains { $0.body == upload.body }, "\(recorded.fileStem)")
            }
        }
    }

    @Test func urlMappingKeepsPathAndQuery() throws {
        let server = try ReplayServer()
        let live = URL(string: "https://huggingface.co/api/models/x/y?expand=inferenceProviderMapping")!
        #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)")
        #expect(server.url(forHost: "router.huggingface.co").absoluteString
            == "http://127.0.0.1:\(server.port)/router.huggingface.co")
        #expect(server.url(for: live).absoluteString
            == "http://127.0.0.1:\(server.port)/huggingface.co/api/models/x/y?expand=inferenceProviderMapping")
    }

    @Test func queryMatchesAsMultisetAndAcceptsBracketNames() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer()
        server.serve(recorded.interactions[0])  // GET .../Llama-3.3-70B-Instruct?expand=inferenceProviderMapping
        let modelURL = server.url(forHost: "huggingface.co").appendingPathComponent("api/models/meta-llama/Llama-3.3-70B-Instruct")

        let bracketed = URL(string: modelURL.absoluteString + "?expand%5B%5D=inferenceProviderMapping")!
        let (body, response) = try await HTTP.send("GET", bracketed)
        #expect(response.statusCode == 200)
        #expect(body == recorded.interactions[0].response.body)

        let plain = URL(string: modelURL.absoluteString + "?expand=inferenceProviderMapping")!
        #expect(try await HTTP.send("GET", plain).response.statusCode == 200)

        let other = URL(string: modelURL.absoluteString + "?expand=author")!
        #expect(try await HTTP.send("GET", other).response.statusCode == 599)
        let missing = try await HTTP.send("GET", modelURL)
        #expect(missing.response.statusCode == 599)
        #expect(server.unmatchedRequests.map(\.query.count) == [1, 0])
        #expect(server.requests[0].queryValue("expand") == "inferenceProviderMapping")
    }

    @Test func exactQueryRulesWinOverAnyQueryRules() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer()
        let info = recorded.interactions[0]
        let anyQuery = Route(method: "GET", host: "huggingface.co", path: info.request.url.path)
        server.serve(recorded.interactions[1], at: anyQuery)  // a different body, to tell them apart
        server.serve(info)
        let exact = try await HTTP.send("GET", server.url(for: info.request.url))
        #expect(exact.body == info.response.body)
        let loose = try await HTTP.send("GET", server.url(for: info.request.url.deletingQuery))
        #expect(loose.body == recorded.interactions[1].response.body)
    }

    @Test func redirectGetsLocationUnderHostPrefix() async throws {
        let recorded = try RecordedCase.load(Stems.redirect)
        let server = try ReplayServer(case: recorded)
        let client = try RawHTTPClient(port: server.port)
        try client.sendRequest("GET", "/huggingface.co/api/models/bert-base-uncased")
        let redirect = try client.readResponse()
        #expect(redirect.status == 307)
        #expect(redirect.headers["location"] == "/huggingface.co/api/models/google-bert/bert-base-uncased")
        #expect(redirect.bodyText == recorded.interactions[0].response.bodyText)

        // A client that follows redirects lands on the recorded second interaction.
        let follower = HFClient(configuration: HFConfiguration(token: nil, environment: HFEnvironment(variables: [:], homeDirectory: nil, workingDirectory: URL(fileURLWithPath: "/nonexistent"), readFile: { _ in nil })))
        let response = try await follower.send(HTTPRequest(method: .get, url: server.url(for: recorded.interactions[0].request.url)), token: .never)
        #expect(response.status == 200)
        #expect(response.body == recorded.interactions[1].response.body)
        #expect(server.requests.last?.path == "/api/models/google-bert/bert-base-uncased")
    }

    @Test func absoluteURLsInTextBodiesPointAtTheServer() async throws {
        let recorded = try RecordedCase.load(Stems.fal)
        let server = try ReplayServer(case: recorded)
        let submit = recorded.interactions[1]
        let (body, _) = try await HTTP.replay(submit.request, on: server)
        let json = try JSONSerialization.jsonObject(with: body) as! [String: Any]
        let images = json["images"] as? [[String: Any]]
        let imageText = try #require(images?.first?["url"] as? String)
        let imageURL = try #require(URL(string: imageText))
        #expect(imageURL.absoluteString
            == "http://127.0.0.1:\(server.port)/v3.fal.media/files/koala/7EQDw9PT6pMiX2fm7bYOC.png")

        // Binary bodies are served untouched.
        let (image, response) = try await HTTP.send("GET", imageURL)
        #expect(response.statusCode == 200)
        #expect(image == recorded.interactions[2].response.body)
        #expect(server.unmatchedRequests.isEmpty)
    }

    @Test func pollingServesInOrderThenRepeatsTheLast() async throws {
        let recorded = try RecordedCase.load(Stems.bfl)
        let server = try ReplayServer(case: recorded)
        let poll = recorded.interactions[2].request
        var statuses: [String] = []
        var lastBody = Data()
        for _ in 0..<6 {
            lastBody = try await HTTP.replay(poll, on: server).body
            let json = try JSONSerialization.jsonObject(with: lastBody) as! [String: Any]
            statuses.append(json["status"] as! String)
        }
        #expect(statuses == ["Pending", "Pending", "Pending", "Ready", "Ready", "Ready"])
        let sample = String(decoding: lastBody, as: UTF8.self)
        #expect(sample.contains("\"sample\":\"http://127.0.0.1:\(server.port)/delivery-us1.bfl.ai/results/"))
        #expect(server.rewriteHosts.contains("delivery-us1.bfl.ai"))
    }

    @Test func additionalRewriteHostsAreRewritten() async throws {
        let recorded = try RecordedCase.load(Stems.replicateSpeech)
        let server = try ReplayServer(case: recorded)
        let before = String(decoding: try await HTTP.replay(recorded.interactions[0].request, on: server).body, as: UTF8.self)
        #expect(before.contains("\"get\":\"http://127.0.0.1:\(server.port)/api.replicate.com/v1/predictions/"))
        #expect(before.contains("https://stream.replicate.com/"))

        server.additionalRewriteHosts = ["stream.replicate.com"]
        let after = String(decoding: try await HTTP.replay(recorded.interactions[0].request, on: server).body, as: UTF8.self)
        #expect(!after.contains("https://stream.replicate.com/"))
        #expect(after.contains("http://127.0.0.1:\(server.port)/stream.replicate.com/"))
    }

    @Test func unmatchedRequestGetsAnExplanation() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded)
        let url = server.url(forHost: "router.huggingface.co").appendingPathComponent("v1/chat/completions")
        let (body, response) = try await HTTP.send("POST", url, body: Data("{}".utf8))
        #expect(response.statusCode == 599)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("no recorded response for POST /router.huggingface.co/v1/chat/completions"))
        #expect(text.contains("#1 POST router.huggingface.co/cerebras/v1/chat/completions"))
        let unmatched = try #require(server.unmatchedRequests.first)
        #expect(unmatched.path == "/v1/chat/completions")
        #expect(unmatched.bodyText == "{}")
        #expect(server.response(to: unmatched.index)?.ruleIndex == nil)
    }

    @Test func inOrderModeIgnoresRoutes() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer(case: recorded, mode: .inOrder)
        let newRoute = server.url(forHost: "router.huggingface.co").appendingPathComponent("v1/chat/completions")
        let first = try await HTTP.send("GET", newRoute)
        let second = try await HTTP.send("POST", newRoute, body: Data("{}".utf8))
        let third = try await HTTP.send("POST", newRoute, body: Data("{}".utf8))
        #expect(first.body == recorded.interactions[0].response.body)
        #expect(second.body == recorded.interactions[1].response.body)
        #expect(third.response.statusCode == 599)
        #expect(server.requests.map(\.path) == ["/v1/chat/completions", "/v1/chat/completions", "/v1/chat/completions"])
    }

    @Test func statusOverrideWithHeaders() async throws {
        let recorded = try RecordedCase.load(Stems.chat)
        let server = try ReplayServer()
        let chat = recorded.interactions[1]
        server.serve(chat, plan: .status(429, headers: ["Retry-After": "7"]))
        let limited = try await HTTP.replay(chat.request, on: server)
        #expect(limited.response.statusCode == 429)
        #expect(limited.response.value(forHTTPHeaderField: "Retry-After") == "7")
        #expect(limited.body == chat.response.body)

        server.setPlan(ResponsePlan(status: 503, extraHeaders: ["content-type": ""], body: .empty), forRuleAt: 0)
        let unavailable = try await HTTP.replay(chat.request, on: server)
        #expect(unavailable.response.statusCode == 503)
        #expect(unavailable.body.isEmpty)
        #expect(unavailable.response.value(forHTTPHeaderField: "Content-Type") == nil)
    }
}

extension URL {
    var deletingQuery: URL {
        var components = URLComponents(url: self, resolvingAgainstBaseURL: false)!
        components.query = nil
        return components.url!
    }
}
