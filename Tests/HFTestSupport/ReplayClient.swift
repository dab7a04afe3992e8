import Foundation
import HFCore
import HFReplay

/// A fake token for tests; long enough to be scrubbed from messages, never a real credential.
public let testToken = "hf_TESTtoken0123456789abcdefghijklmnopq"

extension HFEnvironment {
    /// An environment with nothing set, so tests never pick up the machine's own token or Hub.
    public static var empty: HFEnvironment {
        HFEnvironment(
            variables: [:], homeDirectory: nil,
            workingDirectory: URL(fileURLWithPath: "/nonexistent-hf-test-dir"), readFile: { _ in nil }
        )
    }
}

extension HFConfiguration {
    /// A configuration whose router and Hub are the replay server, with ``testToken``.
    public static func replaying(_ server: ReplayServer, token: String? = testToken) -> HFConfiguration {
        var configuration = HFConfiguration(token: token, environment: .empty)
        configuration.routerBaseURL = server.url(forHost: "router.huggingface.co")
        configuration.hubBaseURL = server.url(forHost: "huggingface.co")
        return configuration
    }
}

extension HFClient {
    /// A client talking to the replay server through `transport` (the platform default if `nil`).
    public static func replaying(
        _ server: ReplayServer,
        token: String? = testToken,
        transport: (any HTTPTransport)? = nil,
        middleware: [any HFMiddleware] = [],
        configure: (inout HFConfiguration) -> Void = { _ in }
    ) -> HFClient {
        var configuration = HFConfiguration.replaying(server, token: token)
        configure(&configuration)
        return HFClient(configuration: configuration, transport: transport, middleware: middleware)
    }
}

/// The transports a test can run against.
public enum TransportKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case curl
    case urlSession

    /// The transports available on this platform, the default first.
    public static var available: [TransportKind] {
        #if os(Linux)
        return [.curl, .urlSession]
        #else
        return [.urlSession]
        #endif
    }

    /// A new transport of this kind, with connections of its own.
    public func make(connectionLimits: HTTPConnectionLimits = HTTPConnectionLimits()) -> any HTTPTransport {
        switch self {
        case .curl:
            #if os(Linux)
            return CurlTransport(connectionLimits: connectionLimits)
            #else
            return URLSessionTransport(connectionLimits: connectionLimits)
            #endif
        case .urlSession:
            return URLSessionTransport(connectionLimits: connectionLimits)
        }
    }

    public var description: String { rawValue }
}

/// Collects a streamed body, with the time each chunk arrived.
public func collectChunks(_ body: HTTPBodyStream) async throws -> [(data: Data, at: ContinuousClock.Instant)] {
    var chunks: [(Data, ContinuousClock.Instant)] = []
    for try await chunk in body { chunks.append((chunk, .now)) }
    return chunks
}
