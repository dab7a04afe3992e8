import Foundation
import HFCore

/// A client under test, as the network workloads drive it.
protocol ChatClient: Sendable {
    /// One chat completion to `endpoint`; returns the reply's text.
    func chat(_ endpoint: URL) async throws -> String?
    /// Streams a chat completion from `endpoint`, decoding every event; `onChunk` runs as each one
    /// is decoded. Returns how many.
    func stream(_ endpoint: URL, onChunk: () -> Void) async throws -> Int
}

/// Which client a workload runs.
enum ClientKind: String, Sendable {
    /// Our library, through ``Ours``.
    case ours
    /// HFCore's `client.stream` with the baseline SSE decoder: the transport's share of B2's first
    /// chunk, to tell it from HFStreaming's.
    case oursTransport = "ours-transport"
    /// URLSession with the default configuration.
    case urlSession = "urlsession"
    /// URLSession allowed as many connections per host as the workload has requests.
    case urlSessionWide = "urlsession-wide"

    func make(request: ChatRequestMirror, connections: Int) -> any ChatClient {
        switch self {
        case .ours, .oursTransport:
            return OursClient(request: request, streamThroughProduct: self == .ours)
        case .urlSession:
            return URLSessionClient(request: request, session: PlainURLSession())
        case .urlSessionWide:
            return URLSessionClient(request: request, session: PlainURLSession(maximumConnectionsPerHost: connections))
        }
    }
}

/// Our library with its platform default transport (libcurl on Linux).
struct OursClient: ChatClient {
    let client: HFClient
    let request: ChatRequestMirror
    let streamThroughProduct: Bool

    init(request: ChatRequestMirror, streamThroughProduct: Bool) {
        client = HFClient(configuration: .bench)
        self.request = request
        self.streamThroughProduct = streamThroughProduct
    }

    func chat(_ endpoint: URL) async throws -> String? {
        try await Ours.chat(client, endpoint: endpoint, request: request)
    }

    func stream(_ endpoint: URL, onChunk: () -> Void) async throws -> Int {
        if streamThroughProduct {
            return try await Ours.chatStream(client, endpoint: endpoint, request: request, onChunk: onChunk)
        }
        var streaming = request
        streaming.stream = true
        let url = endpoint.appendingPathComponent("v1/chat/completions")
        let body = try JSONEncoder().encode(streaming)
        let response = try await client.stream(client.makeRequest(.post, url: url, body: body, contentType: "application/json", accept: "text/event-stream"))
        var decoder = ChunkDecoder()
        for try await bytes in response.body { try decoder.feed(bytes, onChunk: onChunk) }
        return decoder.count
    }
}

/// Reads the server's counters on a connection of its own, so the client under test opens and
/// reuses its connections exactly as it would without being watched. Idle while a measurement
/// runs (its libcurl thread sleeps in `poll`).
struct StatsClient: Sendable {
    let server: URL
    /// A transport of its own: the shared default would lend the client under test a connection.
    private let client: HFClient = {
        #if os(Linux)
        return HFClient(configuration: .bench, transport: CurlTransport())
        #else
        return HFClient(configuration: .bench, transport: URLSessionTransport())
        #endif
    }()

    init(server: URL) {
        self.server = server
    }

    func read() async throws -> ServerStats {
        let response = try await client.send(client.makeRequest(.get, url: server.appendingPathComponent("stats")), token: .never)
        return try JSONDecoder().decode(ServerStats.self, from: response.body)
    }
}

extension HFConfiguration {
    /// A fake token and an empty environment: nothing from the machine leaks into a measurement.
    static var bench: HFConfiguration {
        let environment = HFEnvironment(variables: [:], homeDirectory: nil, workingDirectory: URL(fileURLWithPath: "/nonexistent"))
        return HFConfiguration(token: "hf_bench", environment: environment)
    }
}

/// Plain URLSession, `JSONEncoder` and `JSONDecoder`: the code a user writes without our library.
struct URLSessionClient: ChatClient {
    let request: ChatRequestMirror
    let session: PlainURLSession

    func chat(_ endpoint: URL) async throws -> String? {
        let body = try JSONEncoder().encode(request)
        let reply = try await session.post(endpoint.appendingPathComponent("v1/chat/completions"), body: body)
        return try JSONDecoder().decode(ChatReplyMirror.self, from: reply).choices.first?.message?.content
    }

    func stream(_ endpoint: URL, onChunk: () -> Void) async throws -> Int {
        var streaming = request
        streaming.stream = true
        let bytes = session.stream(endpoint.appendingPathComponent("v1/chat/completions"), body: try JSONEncoder().encode(streaming))
        var decoder = ChunkDecoder()
        for try await piece in bytes { try decoder.feed(piece, onChunk: onChunk) }
        return decoder.count
    }
}

/// The baseline stream decoder: ``LineSplitter`` and `JSONDecoder` into ``ChatReplyMirror``.
struct ChunkDecoder {
    private var splitter = LineSplitter()
    private let decoder = JSONDecoder()
    private(set) var count = 0

    /// Decodes the events `bytes` complete, calling `onChunk` after each.
    mutating func feed(_ bytes: Data, onChunk: () -> Void = {}) throws {
        var decoded = 0
        let decoder = self.decoder
        try splitter.feed(bytes) { payload in
            _ = try decoder.decode(ChatReplyMirror.self, from: Data(payload))
            decoded += 1
            onChunk()
        }
        count += decoded
    }
}
