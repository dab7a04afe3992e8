import Foundation
import Testing

/// `hf chat` against recorded streams and errors, served by HFReplayServe.
@Suite("hf chat", .serialized)
struct ChatCommandTests {
    static let streamCase = "TestInferenceClient.test_chat_completion_with_stream_together_conversational"
    static let refusedCase = "TestInferenceClient.test_chat_completion_unprocessable_entity"

    /// The recorded Together stream on the router's chat route, one event every 40 ms.
    static func streamRule(status: Int? = nil) -> [String] {
        ["--rule", streamCase, "/v1/chat/completions", "POST", "https://router.huggingface.co/v1/chat/completions", "--events", "40"]
            + (status.map { ["--status", String($0)] } ?? [])
    }

    @Test("streams the answer to a terminal token by token, then a newline and the token-limit note")
    func streamsToTerminal() throws {
        let server = try ReplayProcess(Self.streamRule())
        let run = try CommandRun.terminal(["chat", "What is deep learning?", "--base-url", server.url(forHost: "router.huggingface.co")])
        let requests = try server.finish()
        let recorded = try Recording(Self.streamCase).stream(at: "/v1/chat/completions")
        let answer = recorded.pieces.joined()

        #expect(run.status == 0)
        #expect(run.text.hasPrefix(answer + "\n"))
        #expect(run.text.contains("hf: the answer stopped at the token limit"))
        // The terminal read the answer in many pieces, each ending where a token ends: written as
        // each token arrived, not buffered until the end.
        let boundaries = Set((0...recorded.pieces.count).map { recorded.pieces.prefix($0).joined().count })
        var shown = 0
        var reads = 0
        for read in run.reads where shown < answer.count {
            shown += CommandRun.TerminalRun.output(in: read).count
            reads += 1
            if shown <= answer.count { #expect(boundaries.contains(shown), "read \(reads) ended inside a token: \(read.debugDescription)") }
        }
        #expect(reads >= 3)

        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.authorization == "Bearer \(CommandRun.fakeToken)")
        let body = try request.json()
        #expect(body["stream"] as? Bool == true)
        #expect(body["model"] as? String == "meta-llama/Meta-Llama-3-8B-Instruct")
        #expect((body["messages"] as? [[String: Any]])?.last?["content"] as? String == "What is deep learning?")
    }

    @Test("--json prints one object with the text, finish reason, usage and model; the prompt comes from standard input")
    func json() throws {
        let server = try ReplayProcess(Self.streamRule())
        let run = try CommandRun.pipes([
            "chat", "--json", "--system", "Be brief.", "--max-tokens", "20", "--temperature", "0.5",
            "--base-url", server.url(forHost: "router.huggingface.co"),
        ], input: "What is deep learning?\n")
        let requests = try server.finish()
        let recorded = try Recording(Self.streamCase).stream(at: "/v1/chat/completions")

        #expect(run.status == 0, "\(run.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(output["text"] as? String == recorded.pieces.joined())
        #expect(output["finishReason"] as? String == recorded.finishReason)
        #expect((output["usage"] as? [String: Any])?["totalTokens"] as? Int == recorded.totalTokens)
        #expect(output["model"] as? String == "meta-llama/Meta-Llama-3-8B-Instruct-Turbo")
        #expect(!run.stderr.contains("hf: the answer stopped"))

        let body = try #require(try requests.first?.json())
        #expect(body["max_tokens"] as? Int == 20)
        #expect(body["temperature"] as? Double == 0.5)
        let messages = try #require(body["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["system", "user"])
        #expect(messages.map { $0["content"] as? String } == ["Be brief.", "What is deep learning?"])
    }

    @Test("a refused token (recorded 401) exits with the authentication status and prints the recovery suggestion, never the token")
    func refusedToken() throws {
        let token = "hf_REFUSED" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let server = try ReplayProcess(["--case", Self.refusedCase])
        let run = try CommandRun.pipes([
            "chat", "please output 'Observation'", "--model", "meta-llama/Meta-Llama-3-70B-Instruct", "--provider", "hf-inference",
            "--base-url", server.url(forHost: "router.huggingface.co"), "--hub-url", server.url(forHost: "huggingface.co"),
        ], token: token)
        let requests = try server.finish()

        #expect(run.status == 3)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("hf: HFError.authentication: Invalid username or password (status 401"))
        #expect(run.stderr.contains("Check that HF_TOKEN holds a valid token"))
        #expect(!run.stderr.contains(token) && !run.stdout.contains(token))
        #expect(requests.map(\.authorization) == ["Bearer \(token)"])
    }

    @Test("a 503 is tried again: the retry is shown on a terminal, and not on a pipe")
    func retryProgress() throws {
        let terminalServer = try ReplayProcess(Self.streamRule(status: 503) + Self.streamRule())
        let terminal = try CommandRun.terminal(["chat", "Hi", "--base-url", terminalServer.url(forHost: "router.huggingface.co")])
        #expect(try terminalServer.finish().count == 2)
        #expect(terminal.status == 0)
        #expect(terminal.text.contains("trying again (attempt 2 of 3)"))

        let pipedServer = try ReplayProcess(Self.streamRule(status: 503) + Self.streamRule())
        let piped = try CommandRun.pipes(["chat", "Hi", "--base-url", pipedServer.url(forHost: "router.huggingface.co")])
        #expect(try pipedServer.finish().count == 2)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("trying again"))
        #expect(piped.stdout == (try Recording(Self.streamCase).stream(at: "/v1/chat/completions").pieces.joined()) + "\n")
    }

    @Test("bad input exits with the validation status before anything is sent; a bad command line with the usage status")
    func refusedBeforeSending() throws {
        let server = try ReplayProcess(Self.streamRule())
        let invalid = try CommandRun.pipes(["chat", "Hi", "--max-tokens", "0", "--base-url", server.url(forHost: "router.huggingface.co")])
        let blank = try CommandRun.pipes(["chat", "--base-url", server.url(forHost: "router.huggingface.co")], input: " \n")
        #expect(try server.finish().isEmpty)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.hasPrefix("hf: HFError.validation:"))
        #expect(blank.status == 2)
        #expect(blank.stderr.hasPrefix("hf: HFError.validation: the prompt is empty."))

        let usage = try CommandRun.pipes(["chat", "Hi", "--base-url", "ftp://example.com"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--base-url must be an absolute http(s) URL"))
    }

    @Test("--no-stream prints the recorded whole reply")
    func wholeReply() throws {
        let stem = "TestInferenceClient.test_chat_completion_no_stream_together_conversational"
        let server = try ReplayProcess(["--rule", stem, "/v1/chat/completions", "POST", "https://router.huggingface.co/v1/chat/completions"])
        let run = try CommandRun.pipes(["chat", "What is deep learning?", "--no-stream", "--base-url", server.url(forHost: "router.huggingface.co")])
        let requests = try server.finish()
        let reply = try JSONSerialization.jsonObject(with: Recording(stem).responseBody(at: "/v1/chat/completions")) as? [String: Any]
        let message = ((reply?["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])?["content"] as? String

        #expect(run.status == 0, "\(run.stderr)")
        let text = try #require(message)
        #expect(run.stdout == (text.hasSuffix("\n") ? text : text + "\n"))
        #expect(try requests.first?.json()["stream"] as? Bool == false)
    }
}
