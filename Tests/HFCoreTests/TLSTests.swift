import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore
@testable import HFTransport

/// HTTPS end to end: the replay server behind a TLS front (`Tests/Harness/servers.py`) whose
/// certificate comes from an authority made for the test, so no system trusts it. Every response
/// is the recorded one; the harness only adds TLS, a CONNECT proxy or HTTP/2 on the way.
@Suite("TLS: certificate validation, trusted authorities, redirects, proxies, HTTP/2")
struct TLSTests {
    static let chatCase = "TestInferenceClient.test_chat_completion_no_stream_together_conversational"

    /// The replay server serving the recorded chat, an authority, and the chat's URL on a front.
    struct Harness {
        let authority: TestCertificateAuthority
        let replay: ReplayServer
        let chat: RecordedInteraction

        static func make() async throws -> Harness {
            let chat = try RecordedCase.load(TLSTests.chatCase).interactions[1]
            let replay = try ReplayServer()
            replay.serve(chat)
            return Harness(authority: try await TestCertificateAuthority.make(), replay: replay, chat: chat)
        }

        /// Starts `servers.py command` in front of the replay server with the authority's server certificate.
        func front(_ command: String, extra: [String] = []) async throws -> HarnessServer {
            try await HarnessServer.start([
                command, "--cert", authority.serverCertificate.path, "--key", authority.serverKey.path, "--upstream", "\(replay.port)",
            ] + extra)
        }

        /// The chat's URL on the replay server, reached through `front` over https.
        func chatURL(through front: HarnessServer) -> URL {
            var components = URLComponents(url: replay.url(for: chat.request.url), resolvingAgainstBaseURL: false)!
            components.scheme = "https"
            components.port = front.port
            return components.url!
        }

        /// A client of the platform's default kind (unless `transport`) whose configuration `configure` adjusts.
        func client(transport: (any HTTPTransport)? = nil, _ configure: (inout HFConfiguration) throws -> Void = { _ in }) rethrows -> HFClient {
            var configuration = HFConfiguration.replaying(replay)
            try configure(&configuration)
            return HFClient(configuration: configuration, transport: transport)
        }

        /// Trusts the test authority.
        func trustAuthority(_ configuration: inout HFConfiguration) throws {
            configuration.trustedCertificates = try TrustedCertificate.certificates(pem: authority.certificatePEM)
        }

        /// Posts the recorded chat request to `url` through `client`.
        func sendChat(_ client: HFClient, to url: URL) async throws -> HTTPResponse {
            try await client.send(client.makeRequest(.post, url: url, body: chat.request.body, contentType: "application/json"))
        }

        /// Posts the recorded chat request `count` times at once; the statuses.
        func sendChats(_ count: Int, _ client: HFClient, to url: URL) async throws -> [Int] {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<count { group.addTask { try await sendChat(client, to: url).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
    }

    /// The transports that can trust extra authorities here: libcurl, and URLSession on Apple platforms.
    static var trustingTransports: [TransportKind] {
        #if os(Linux)
        return [.curl]
        #else
        return [.urlSession]
        #endif
    }

    @Test("validation is on by default: a server whose certificate no trusted authority issued is refused as `tls`", arguments: TransportKind.available)
    func untrustedAuthorityRefused(_ kind: TransportKind) async throws {
        let harness = try await Harness.make()
        let front = try await harness.front("tls-front")
        let client = try harness.client(transport: kind.make())
        let error = await #expect(throws: HFError.self) { try await harness.sendChat(client, to: harness.chatURL(through: front)) }
        #expect(error?.category == .tls, "\(String(describing: error))")
        #expect(error?.recoverySuggestion.contains("HFConfiguration.trustedCertificates") == true)
        #expect(harness.replay.requests.isEmpty)
    }

    @Test("with the authority in trustedCertificates the same server answers with the recorded reply", arguments: trustingTransports)
    func trustedAuthorityAccepted(_ kind: TransportKind) async throws {
        let harness = try await Harness.make()
        let front = try await harness.front("tls-front")
        let client = try harness.client(transport: kind.make(), harness.trustAuthority)
        let response = try await harness.sendChat(client, to: harness.chatURL(through: front))
        #expect(response.status == 200)
        #expect(response.body == harness.replay.servedBody(for: harness.chat.response))
        #expect(harness.replay.requests.count == 1)
    }

    @Test("a redirect from https to plain http is refused, and nothing is sent over http", arguments: trustingTransports)
    func httpsToHTTPRedirectRefused(_ kind: TransportKind) async throws {
        let harness = try await Harness.make()
        harness.replay.removeAllRules()
        let plain = harness.replay.url(for: harness.chat.request.url)
        harness.replay.serve(harness.chat, plan: .status(307, headers: ["Location": plain.absoluteString]))
        harness.replay.serve(harness.chat)
        let front = try await harness.front("tls-front")
        let client = try harness.client(transport: kind.make(), harness.trustAuthority)
        let error = await #expect(throws: HFError.self) { try await harness.sendChat(client, to: harness.chatURL(through: front)) }
        #expect(error?.message.contains("from https to plain http") == true, "\(String(describing: error))")
        #expect(harness.replay.requests.count == 1)
    }

    @Test("an https request goes through HFConfiguration.proxy in a CONNECT tunnel", arguments: trustingTransports)
    func proxyConnect(_ kind: TransportKind) async throws {
        let harness = try await Harness.make()
        let front = try await harness.front("tls-front")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("hf-proxy-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let proxy = try await HarnessServer.start(["connect-proxy", "--log", log.path])
        let client = try harness.client(transport: kind.make()) { configuration in
            try harness.trustAuthority(&configuration)
            configuration.proxy = URL(string: "http://127.0.0.1:\(proxy.port)")
        }
        let response = try await harness.sendChat(client, to: harness.chatURL(through: front))
        #expect(response.status == 200)
        #expect(response.body == harness.replay.servedBody(for: harness.chat.response))
        let tunnels = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(tunnels == ["CONNECT 127.0.0.1:\(front.port)"])
    }

    #if os(Linux)
    @Test("URLSession on Linux cannot add authorities or set a proxy: refused as validation before sending, naming CurlTransport")
    func urlSessionOnLinuxRefuses() async throws {
        let harness = try await Harness.make()
        let front = try await harness.front("tls-front")
        for configure: (inout HFConfiguration) throws -> Void in [harness.trustAuthority, { $0.proxy = URL(string: "http://127.0.0.1:9") }] {
            let client = try harness.client(transport: URLSessionTransport(), configure)
            let error = await #expect(throws: HFError.self) { try await harness.sendChat(client, to: harness.chatURL(through: front)) }
            #expect(error?.category == .validation)
            #expect(error?.message.contains("CurlTransport") == true)
        }
        #expect(harness.replay.requests.isEmpty)
    }

    @Test("libcurl's bundle is the system's CA file followed by the extra authorities, so public hosts still verify")
    func curlBundleKeepsSystemRoots() async throws {
        let authority = try await TestCertificateAuthority.make()
        let extra = try TrustedCertificate.certificates(pem: authority.certificatePEM).map(\.derRepresentation)
        let bundle = String(decoding: CurlCertificateBundle.adding(extra), as: UTF8.self)
        let system = try String(contentsOfFile: "/etc/ssl/certs/ca-certificates.crt", encoding: .utf8)
        #expect(bundle.hasPrefix(system))
        #expect(try TrustedCertificate.certificates(pem: String(bundle.dropFirst(system.count))).map(\.derRepresentation) == extra)
    }

    @Test("concurrent https requests to one HTTP/2 host share one connection (libcurl waits for the first handshake)")
    func http2Multiplexing() async throws {
        let harness = try await Harness.make()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("hf-h2-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let front = try await harness.front("h2-front", extra: ["--log", log.path])
        let client = try harness.client(transport: CurlTransport(), harness.trustAuthority)
        let url = harness.chatURL(through: front)
        #expect(try await harness.sendChats(8, client, to: url) == Array(repeating: 200, count: 8))
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("connection") } == ["connection h2"])
        #expect(lines.filter { $0.hasPrefix("stream POST") }.count == 8)
    }

    @Test("concurrent https requests to an HTTP/1.1 host, which cannot share a connection, do not wait for one another's replies")
    func http1ConcurrentRequests() async throws {
        let harness = try await Harness.make()
        harness.replay.removeAllRules()
        harness.replay.serve(harness.chat, plan: ResponsePlan(delayBeforeHead: .seconds(2)))
        let front = try await harness.front("tls-front")
        // Each reply takes 2 s, so a request that waited for a busy connection would reuse it
        // after: four connections show that none waited.
        let client = try harness.client(transport: CurlTransport(), harness.trustAuthority)
        let url = harness.chatURL(through: front)
        #expect(try await harness.sendChats(4, client, to: url) == Array(repeating: 200, count: 4))
        #expect(Set(harness.replay.requests.map(\.connectionID)).count == 4)
    }
    #endif

    @Test("an unusable proxy URL is refused as validation before anything is sent", arguments: [
        "https://127.0.0.1:3128", "socks5://127.0.0.1:1080", "http://user:secret@127.0.0.1:3128", "http://127.0.0.1:3128/path",
    ])
    func invalidProxy(_ proxy: String) async throws {
        let harness = try await Harness.make()
        let client = harness.client { $0.proxy = URL(string: proxy) }
        let error = await #expect(throws: HFError.self) { try await harness.sendChat(client, to: harness.replay.url(for: harness.chat.request.url)) }
        #expect(error?.category == .validation && error?.field == "proxy")
        #expect(error?.description.contains("secret") == false)
        #expect(harness.replay.requests.isEmpty)
    }
}

/// PEM input is checked when it is read, so a wrong file fails at configuration time.
@Suite("Trusted certificates: PEM validation")
struct TrustedCertificateTests {
    @Test("a bundle's certificates are read, with comments between them ignored")
    func bundle() async throws {
        let first = try await TestCertificateAuthority.make()
        let second = try await TestCertificateAuthority.make()
        let server = try String(contentsOf: first.serverCertificate, encoding: .utf8)
        let text = "# company roots\n\(first.certificatePEM)\nsubject=CN = other\n\(second.certificatePEM)\(server)"
        let certificates = try TrustedCertificate.certificates(pem: text)
        #expect(certificates.count == 3)
        #expect(Set(certificates).count == 3)
        #expect(try TrustedCertificate(derRepresentation: certificates[0].derRepresentation) == certificates[0])
    }

    @Test("not certificates: each refused as validation on trustedCertificates")
    func invalidInput() async throws {
        let authority = try await TestCertificateAuthority.make()
        let valid = authority.certificatePEM
        let key = try String(contentsOf: authority.serverKey, encoding: .utf8)
        let lines = valid.split(separator: "\n")
        let cases: [(String, String)] = [
            ("", "no \"-----BEGIN CERTIFICATE-----\" block"),
            ("hello", "no \"-----BEGIN CERTIFICATE-----\" block"),
            (key, "private key"),
            (valid + key, "private key"),
            (lines.dropLast().joined(separator: "\n"), "no END line"),
            (lines.enumerated().map { $0.offset == 1 ? "!" + $0.element.dropFirst() : $0.element }.joined(separator: "\n"), "not valid base64"),
            ("-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n", "does not hold an X.509 certificate"),
            ("-----BEGIN CERTIFICATE-----\n" + lines[1...].dropLast(2).joined(separator: "\n") + "\n-----END CERTIFICATE-----\n", "X.509"),
        ]
        for (pem, reason) in cases {
            let error = #expect(throws: HFError.self) { try TrustedCertificate.certificates(pem: pem) }
            #expect(error?.category == .validation && error?.field == "trustedCertificates", "\(pem.prefix(40))")
            #expect(error?.message.contains(reason) == true, "\(String(describing: error?.message))")
        }
        #expect(throws: HFError.self) { try TrustedCertificate(derRepresentation: Data([0x30, 0x03, 0x02, 0x01, 0x00])) }
    }
}
