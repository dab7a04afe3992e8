import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

/// What the client refuses to send, before anything leaves: values that would inject header lines,
/// numbers JSON cannot carry; and descriptions that must print whatever the configuration holds.
@Suite("Preflight: bad input never reaches the wire")
struct PreflightTests {
    static let url = URL(string: "https://router.huggingface.co/v1/chat/completions")!

    static func client(_ configure: (inout HFConfiguration) -> Void) -> (HFClient, MemoryTransport) {
        var configuration = HFConfiguration.inMemory()
        configure(&configuration)
        let transport = MemoryTransport { _ in throw HTTPTransportError(.connectionFailed, "must not be reached") }
        return (HFClient(configuration: configuration, transport: transport), transport)
    }

    @Test("CR or LF in the billing header, an extra header, the user agent or a header name is a validation error", arguments: [
        "billTo", "extraHeaders value", "userAgent", "extraHeaders name",
    ])
    func headerInjection(_ place: String) async {
        let (client, transport) = Self.client { configuration in
            switch place {
            case "billTo": configuration.billTo = "org\r\nX-Injected: 1"
            case "extraHeaders value": configuration.extraHeaders["X-Tag"] = "a\nX-Injected: 1"
            case "userAgent": configuration.userAgent = "app/1\r\nX-Injected: 1"
            default: configuration.extraHeaders["X-Bad Name:"] = "v"
            }
        }
        let error = await #expect(throws: HFError.self) { try await client.send(client.makeRequest(.post, url: Self.url)) }
        #expect(error?.category == .validation && error?.field == "headers")
        #expect(error?.message.contains("X-Injected") == false)
        #expect(transport.requests.isEmpty)
    }

    @Test("a timeout of zero or less is a validation error naming it, not a timeout", arguments: ["requestTimeout", "streamIdleTimeout"])
    func nonPositiveTimeouts(_ field: String) async {
        let (client, transport) = Self.client { configuration in
            if field == "requestTimeout" { configuration.requestTimeout = .seconds(-1) } else { configuration.streamIdleTimeout = .zero }
        }
        let error = await #expect(throws: HFError.self) { try await client.send(client.makeRequest(.post, url: Self.url)) }
        #expect(error?.category == .validation && error?.field == field)
        #expect(transport.requests.isEmpty)
    }

    @Test("a token with a control character is refused without being quoted")
    func tokenControlCharacter() async {
        let token = "hf_abc\u{07}def0123456789abcdefghij"
        let (client, transport) = Self.client { $0.token = Secret(token) }
        let error = await #expect(throws: HFError.self) { try await client.send(client.makeRequest(.post, url: Self.url)) }
        #expect(error?.category == .validation && error?.field == "token")
        #expect(error.map { !"\($0)".contains("def0123456789") } == true)
        #expect(transport.requests.isEmpty)
    }

    @Test("NaN or infinity anywhere in a body, extra fields included, is a validation error", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbers(_ number: Double) async throws {
        let (client, transport) = Self.client { _ in }
        var request = ChatLikeBody()
        request.extra["temperature"] = .double(number)
        let operation = client.context(.chat, task: .conversational, model: "org/model")
        let route = try await client.route(.conversational, model: "org/model", to: .router, context: operation)
        let error = #expect(throws: HFError.self) { try route.call(encoding: request, client: client, operation: operation) }
        #expect(error?.category == .validation && error?.field == "body")
        #expect(transport.requests.isEmpty)
    }

    /// A body with a `JSONValue` member, as request types carry `extraFields`.
    struct ChatLikeBody: Encodable {
        var model = "m"
        var extra = JSONObject()

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(JSONValue.object(JSONObject([("model", .string(model))] + extra.map { ($0.key, $0.value) })))
        }
    }

    @Test("a configuration prints whatever its durations hold")
    func extremeDurations() {
        var configuration = HFConfiguration.inMemory()
        configuration.requestTimeout = .seconds(Int64.max)
        configuration.streamIdleTimeout = .milliseconds(50)
        let text = "\(configuration)"
        #expect(text.contains("requestTimeout: \(Int64.max)s"))
        #expect(text.contains("streamIdleTimeout: 0.05s"))
        #expect(Duration.seconds(2.5).formattedSeconds == "2.5s")
        #expect(Duration.milliseconds(-500).formattedSeconds == "-0.5s")
    }

    @Test("a call whose deadline passed is refused as a timeout before sending")
    func deadlinePassed() async throws {
        let (client, transport) = Self.client { _ in }
        var context = client.context(.request)
        context.deadline = .now - .seconds(1)
        let error = await #expect(throws: HFError.self) { try await client.exchange(client.makeRequest(.get, url: Self.url), context: context) }
        #expect(error?.category == .timeout)
        #expect(transport.requests.isEmpty)
    }
}
