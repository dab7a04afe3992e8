import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

@Suite("Secret never shows the token")
struct SecretTests {
    static let canary = "hf_CANARYcanary0123456789abcdefghijklmn"

    @Test("description, debug description, interpolation, dump and encoding are redacted")
    func redactedEverywhere() throws {
        let secret = Secret(Self.canary)
        var dumped = ""
        dump(secret, to: &dumped)
        let encoded = String(decoding: try JSONEncoder().encode([secret]), as: UTF8.self)
        let ordered = String(decoding: try JSONValueEncoder().encode([secret]), as: UTF8.self)
        for text in [secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret), dumped, encoded, ordered] {
            #expect(!text.contains(Self.canary), "leaked in: \(text)")
            #expect(!text.contains("CANARY"), "leaked in: \(text)")
        }
        #expect(secret.redacted == "hf_***")
        #expect(secret.withExposedValue { $0 } == Self.canary)
    }

    @Test("white space and line breaks are trimmed; blank means no credential")
    func trimming() {
        #expect(Secret("  hf_abc\r\n").withExposedValue { $0 } == "hf_abc")
        #expect(Secret(" \n ").isEmpty)
        #expect(Secret("sk-provider-key").isHuggingFaceToken == false)
        #expect(Secret("sk-provider-key").redacted == "***")
    }

    @Test("scrub removes the token from text a server echoed")
    func scrub() {
        let secret = Secret(Self.canary)
        #expect(secret.scrub("bad header Bearer \(Self.canary)!") == "bad header Bearer hf_***!")
    }

    @Test("configurations and requests holding the token print and dump without it")
    func containers() async throws {
        var configuration = HFConfiguration(token: Self.canary, environment: .empty)
        configuration.extraHeaders["X-Custom"] = "1"
        let recorded = try RecordedCase.load("InferenceApiTest.test_simple_inference")
        let transport = MemoryTransport(replaying: recorded)
        let client = HFClient(configuration: configuration, transport: transport)
        let request = client.makeRequest(.get, url: URL(string: "https://huggingface.co/api/models/google-bert/bert-base-uncased")!)
        _ = try await client.send(request, token: .required)
        let sent = try #require(transport.requests.only)
        var texts = ["\(configuration)", String(reflecting: configuration), "\(request)", String(reflecting: request), "\(sent)", String(reflecting: sent), sent.headers.description]
        var dumped = ""
        dump(configuration, to: &dumped)
        dump(request, to: &dumped)
        dump(sent, to: &dumped)
        texts.append(dumped)
        for text in texts {
            #expect(!text.contains(Self.canary), "leaked in: \(text)")
        }
        // The token is added when the request is sent, and only on the wire form.
        #expect(request.authorization == nil)
        #expect(sent.headersForWire()["Authorization"] == "Bearer \(Self.canary)")
        #expect(sent.headers["Authorization"] == nil)
    }

    @Test("headers print credential-bearing fields redacted")
    func headerRedaction() {
        let headers: HTTPHeaders = ["Authorization": "Bearer \(Self.canary)", "Accept": "text/event-stream"]
        var dumped = ""
        dump(headers, to: &dumped)
        #expect(!headers.description.contains(Self.canary))
        #expect(!dumped.contains(Self.canary))
        #expect(headers.description.contains("Accept: text/event-stream"))
    }
}


@Suite("Redactor")
struct RedactorTests {
    static let token = "hf_REDACTORcanary0123456789abcdefghijk"

    @Test("whole tokens become their redacted form; any run of 8 or more of a token's characters becomes ***")
    func partialRuns() {
        let redactor = Redactor(Secret(Self.token))
        #expect(redactor.scrub("bad token \(Self.token).") == "bad token hf_***.")
        // A snippet cut mid-token, and an excerpt holding the token's middle.
        #expect(redactor.scrub("…\(Self.token.prefix(20))") == "…***")
        #expect(redactor.scrub("near `\(Self.token.dropFirst(5).prefix(12))` here") == "near `***` here")
        // Seven characters are left alone: too short to be told from ordinary text.
        #expect(redactor.scrub("id \(Self.token.prefix(7))") == "id \(Self.token.prefix(7))")
        #expect(redactor.scrub("naïve text, no token") == "naïve text, no token")
        // A credential with non-ASCII characters never cuts a character of the text in two.
        let accented = Redactor(Secret("clé-é-0123456789abcdef"))
        #expect(accented.scrub("x ĩ-0123456789abcdef") == "x ĩ***")
        #expect(accented.scrub("clé-é-0123456789abcdef") == "***")
    }

    @Test("tokens are remembered most recent first, up to 256; the oldest are forgotten")
    func capacity() {
        let redactor = Redactor(nil)
        var generator = SplitMix64(seed: 17)
        let tokens = (0..<300).map { _ in "hf_" + (0..<4).map { _ in String(generator.next(), radix: 16) }.joined() }
        for token in tokens { redactor.remember(Secret(token)) }
        #expect(redactor.scrub(tokens[299]) == "hf_***")
        #expect(redactor.scrub(tokens[44]) == "hf_***")
        #expect(redactor.scrub(tokens[43]) == tokens[43])
        // Using a token again makes it the most recent: it is not the next one forgotten.
        redactor.remember(Secret(tokens[44]))
        redactor.remember(Secret("hf_" + String(generator.next(), radix: 16) + String(generator.next(), radix: 16)))
        #expect(redactor.scrub(tokens[44]) == "hf_***")
        #expect(redactor.scrub(tokens[45]) == tokens[45])
    }
}
