import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFCore

/// Connection limits: requests beyond them wait for a connection instead of opening sockets until
/// the process runs out of descriptors. Also the check that these and the stream limits are positive.
@Suite("Connection limits")
struct ConnectionLimitTests {
    static let chatCase = "TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational"

    struct ProbeResult: Decodable {
        let succeeded: Int
        let errors: [String: Int]
    }

    /// Before the limits, 326 of 1000 such requests failed as `network` (issue 12). The probe
    /// process lowers its own open-file limit; its replay server's sockets count against it too.
    @Test("1000 concurrent requests under an open-file limit of 512 all succeed", arguments: TransportKind.available)
    func thousandUnderUlimit(_ kind: TransportKind) async throws {
        let (output, status) = try await ProbeProcess.run(
            "HFConnectionProbe", ["--transport", kind == .urlSession ? "urlsession" : "curl", "--requests", "1000", "--open-files", "512"]
        )
        #expect(status == 0)
        let result = try JSONDecoder().decode(ProbeResult.self, from: output)
        #expect(result.errors == [:])
        #expect(result.succeeded == 1000)
    }

    /// Sends 20 overlapping requests to one host through `transport` and returns how many
    /// connections the server accepted (keep-alive reuses them, so that is the most open at once).
    static func connectionsFor20Requests(through transport: any HTTPTransport) async throws -> Int {
        let chat = try RecordedCase.load(chatCase).interactions[1]
        // Each reply held briefly, so the requests overlap.
        let server = try ReplayServer(defaultPlan: ResponsePlan(delayBeforeHead: .milliseconds(50)))
        server.serve(chat)
        let client = HFClient.replaying(server, transport: transport)
        let request = client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body, contentType: "application/json")
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await client.send(request).status } }
            for try await status in group { #expect(status == 200) }
        }
        #expect(server.requests.count == 20)
        return server.acceptedConnections
    }

    @Test("requests over the per-host limit queue for a connection and all succeed", arguments: TransportKind.available)
    func perHostQueueing(_ kind: TransportKind) async throws {
        let transport = kind.make(connectionLimits: HTTPConnectionLimits(perHost: 2, total: 8))
        #expect(try await Self.connectionsFor20Requests(through: transport) <= 2)
    }

    #if os(Linux)
    @Test("libcurl: the total limit holds when it is below the per-host one")
    func totalLimit() async throws {
        let transport = CurlTransport(connectionLimits: HTTPConnectionLimits(perHost: 8, total: 3))
        #expect(try await Self.connectionsFor20Requests(through: transport) <= 3)
    }
    #endif


    @Test("a connection or stream limit below 1 is refused before anything is sent", arguments: [
        ("maximumConnectionsPerHost", \HFConfiguration.maximumConnectionsPerHost), ("maximumConnections", \.maximumConnections),
        ("maximumEventSize", \.maximumEventSize), ("maximumPartialOutputSize", \.maximumPartialOutputSize),
    ] as [(String, WritableKeyPath<HFConfiguration, Int> & Sendable)])
    func validation(_ field: String, _ keyPath: WritableKeyPath<HFConfiguration, Int> & Sendable) async throws {
        let chat = try RecordedCase.load(Self.chatCase).interactions[1]
        let server = try ReplayServer()
        server.serve(chat)
        let client = HFClient.replaying(server) { $0[keyPath: keyPath] = 0 }
        let error = await #expect(throws: HFError.self) {
            try await client.send(client.makeRequest(.post, url: server.url(for: chat.request.url), body: chat.request.body))
        }
        #expect(error?.category == .validation && error?.field == field)
        #expect(server.requests.isEmpty)
    }
}
