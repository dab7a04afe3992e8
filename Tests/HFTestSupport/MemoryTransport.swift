import Foundation
import HFCore
import HFReplay

/// A transport that never opens a socket: it answers from recorded interactions, or from a
/// closure, and keeps every request it was handed, as the transport saw it (token included, for
/// tests that check it). For adapter and pipeline tests; the loopback replay server stays for
/// transport, fault and conformance tests.
///
/// ```swift
/// let transport = MemoryTransport(replaying: try RecordedCase.load("…cerebras_conversational"))
/// let client = HFClient(configuration: .inMemory(), transport: transport)
/// _ = try await client.inference.chat(request, via: .provider(.cerebras))
/// #expect(transport.requests.last?.url.absoluteString == "https://router.huggingface.co/cerebras/v1/chat/completions")
/// ```
public final class MemoryTransport: HTTPTransport {
    public typealias Responder = @Sendable (HTTPRequest) async throws -> HTTPStreamingResponse

    private let responder: Responder
    private let received = LockedState<[HTTPRequest]>([])

    /// A transport whose responses `responder` makes.
    public init(responder: @escaping Responder) {
        self.responder = responder
    }

    /// A transport answering each request with the response of the first interaction among
    /// `cases` whose method, host and path match it (the query is not compared). A request that
    /// matches none fails as a connection failure naming it.
    public convenience init(replaying cases: RecordedCase...) {
        let interactions = cases.flatMap(\.interactions)
        self.init { request in
            guard let match = interactions.first(where: { $0.request.matches(request) }) else {
                throw HTTPTransportError(.connectionFailed, "No recorded interaction answers \(request.route).")
            }
            return HTTPStreamingResponse(recorded: match.response)
        }
    }

    /// Every request handed over, in order.
    public var requests: [HTTPRequest] {
        received.withLock { $0 }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        received.withLock { $0.append(request) }
        return try await responder(request).collect(limit: request.limits.maximumResponseSize)
    }

    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        received.withLock { $0.append(request) }
        return try await responder(request)
    }
}

extension HTTPStreamingResponse {
    /// A recorded response, body in one chunk.
    public init(recorded: RecordedResponse) {
        self.init(head: HTTPResponseHead(status: recorded.status, headers: HTTPHeaders(recorded.headers.sorted { $0.key < $1.key })), body: HTTPBodyStream(data: recorded.body))
    }
}

extension RecordedRequest {
    /// `true` when `request` has this one's method, host and path.
    func matches(_ request: HTTPRequest) -> Bool {
        method == request.method.rawValue && url.host == request.url.host && url.path == request.url.path
    }
}

extension HFConfiguration {
    /// A configuration with ``testToken`` and nothing read from the machine, for a client on a
    /// ``MemoryTransport``: its router and Hub are the real hosts, never reached.
    public static func inMemory(token: String? = testToken) -> HFConfiguration {
        HFConfiguration(token: token, environment: .empty)
    }
}
