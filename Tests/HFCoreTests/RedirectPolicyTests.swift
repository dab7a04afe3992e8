import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

/// The one redirect policy, whatever the transport (transports return redirects; the client
/// follows them). The policy as a function, then through the pipeline, where each hop is checked.
@Suite("Redirect policy")
struct RedirectPolicyTests {
    static let origin = URL(string: "https://huggingface.co/api/models/bert-base-uncased")!

    static func request(_ method: HTTPMethod = .post) -> HTTPRequest {
        HTTPRequest(
            method: method, url: origin,
            headers: ["User-Agent": "ua", "Accept": "application/json", "Content-Type": "application/json", "X-HF-Bill-To": "org", "X-Custom": "mine"],
            body: Data("{}".utf8), authorization: Secret("hf_redirect0123456789abcdefghij")
        )
    }

    static func head(_ status: Int, _ location: String?) -> HTTPResponseHead {
        HTTPResponseHead(status: status, headers: location.map { ["Location": $0] } ?? [:])
    }

    @Test("the same origin keeps every header and the credential; a relative location resolves against the request")
    func sameOrigin() throws {
        let next = try #require(try HTTPRedirect.next(after: Self.head(307, "/api/models/google-bert/bert-base-uncased"), of: Self.request()))
        #expect(next.url.absoluteString == "https://huggingface.co/api/models/google-bert/bert-base-uncased")
        #expect(next.authorization != nil)
        #expect(next.headers["X-HF-Bill-To"] == "org" && next.headers["X-Custom"] == "mine")
        #expect(next.method == .post && next.body == Data("{}".utf8))
    }

    @Test("another origin (host, port or scheme) loses the credential, X-HF-Bill-To and the caller's headers", arguments: [
        "https://cdn.example.com/x", "https://huggingface.co:8443/x", "http://localhost/x",
    ])
    func otherOrigin(_ location: String) throws {
        var request = Self.request()
        request.url = location.hasPrefix("http://") ? URL(string: "http://127.0.0.1/start")! : Self.origin
        let next = try #require(try HTTPRedirect.next(after: Self.head(308, location), of: request))
        #expect(next.authorization == nil)
        #expect(next.headers["X-HF-Bill-To"] == nil && next.headers["X-Custom"] == nil)
        #expect(next.headers["User-Agent"] == "ua" && next.headers["Accept"] == "application/json")
        #expect(next.headers["Content-Type"] == "application/json" && next.body != nil)
    }

    @Test("303, and 301/302 of a POST, continue as a GET without body; 307 and 308 keep both")
    func methods() throws {
        for status in [301, 302, 303] {
            let next = try #require(try HTTPRedirect.next(after: Self.head(status, "/other"), of: Self.request()))
            #expect(next.method == .get && next.body == nil && next.headers["Content-Type"] == nil, "\(status)")
        }
        for status in [307, 308] {
            let next = try #require(try HTTPRedirect.next(after: Self.head(status, "/other"), of: Self.request()))
            #expect(next.method == .post && next.body != nil, "\(status)")
        }
        let get = try #require(try HTTPRedirect.next(after: Self.head(302, "/other"), of: Self.request(.get)))
        #expect(get.method == .get)
    }

    @Test("not followed: other statuses and a missing Location are the final response; https to http and non-http locations are refused")
    func refusals() throws {
        #expect(try HTTPRedirect.next(after: Self.head(304, "/x"), of: Self.request()) == nil)
        #expect(try HTTPRedirect.next(after: Self.head(300, "/x"), of: Self.request()) == nil)
        #expect(try HTTPRedirect.next(after: Self.head(307, nil), of: Self.request()) == nil)
        #expect(throws: HTTPRedirect.Refusal.self) { try HTTPRedirect.next(after: Self.head(307, "http://huggingface.co/x"), of: Self.request()) }
        #expect(throws: HTTPRedirect.Refusal.self) { try HTTPRedirect.next(after: Self.head(307, "file:///etc/passwd"), of: Self.request()) }
    }

    /// Answers the first request with a redirect to `location` (a fault on the recorded reply),
    /// then with the recorded reply.
    static func redirecting(to location: String) throws -> MemoryTransport {
        let reply = try RecordedCase.load("InferenceApiTest.test_simple_inference").interactions[1].response
        let answered = LockedState(0)
        return MemoryTransport { _ in
            var response = HTTPStreamingResponse(recorded: reply)
            if answered.withLock({ count in defer { count += 1 }; return count == 0 }) {
                response.head.status = 307
                response.head.headers["Location"] = location
            }
            return response
        }
    }

    @Test("a redirect from a loopback server to plain http elsewhere is refused before the second hop leaves")
    func plainHTTPHop() async throws {
        let transport = try Self.redirecting(to: "http://attacker.example.com/collect")
        let client = HFClient(configuration: .inMemory(), transport: transport)
        let error = await #expect(throws: HFError.self) {
            try await client.send(client.makeRequest(.post, url: URL(string: "http://127.0.0.1:8080/v1/chat/completions")!, body: Data("{\"prompt\":\"secret\"}".utf8)))
        }
        #expect(error?.category == .validation && error?.field == "url")
        #expect(transport.requests.count == 1)
    }

    @Test("a redirect is followed through the pipeline: the second hop to another origin has no token", arguments: [false, true])
    func followedThroughPipeline(_ streamed: Bool) async throws {
        let transport = try Self.redirecting(to: "https://cdn.example.com/api/models/google-bert/bert-base-uncased")
        let client = HFClient(configuration: .inMemory(), transport: transport)
        let request = client.makeRequest(.get, url: Self.origin)
        if streamed {
            for try await _ in try await client.stream(request).body {}
        } else {
            _ = try await client.send(request)
        }
        let hops = transport.requests
        try #require(hops.count == 2)
        #expect(hops[0].authorization != nil && hops[1].authorization == nil)
        #expect(hops[1].url.host == "cdn.example.com")
    }

    @Test("more than five redirects fail as a network error")
    func tooMany() async throws {
        let reply = try RecordedCase.load("InferenceApiTest.test_simple_inference").interactions[0].response
        // The recorded 307, pointing back at itself (recordings lose their Location: decision D9).
        let transport = MemoryTransport { _ in
            var response = HTTPStreamingResponse(recorded: reply)
            response.head.headers["Location"] = "/api/models/bert-base-uncased"
            return response
        }
        let client = HFClient(configuration: .inMemory(), transport: transport)
        let error = await #expect(throws: HFError.self) { try await client.send(client.makeRequest(.get, url: Self.origin)) }
        #expect(error?.category == .network)
        #expect(transport.requests.count == 6)
    }
}
