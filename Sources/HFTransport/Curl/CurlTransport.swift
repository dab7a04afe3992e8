#if canImport(CCurl)
import CCurl
import Foundation

/// The default transport on Linux, built on libcurl's multi interface.
///
/// Why not URLSession: on Linux, Foundation's URLSession busy-loops while it waits for a response
/// (measured here: 2.3 s of CPU for a 3 s wait, and ten slow requests saturate two cores), and LLM
/// calls wait for seconds to minutes. This transport drives libcurl from one event thread, blocked
/// in `curl_multi_poll` while nothing happens, so a waiting request costs no CPU. It reuses
/// connections, speaks HTTP/2 where the server offers it, keeps TLS peer and host verification on,
/// decompresses gzip/brotli/zstd, and hands streamed bytes over as they arrive, pausing the
/// transfer when the reader falls more than 1 MiB behind. It does not follow redirects: it returns
/// them, and the client follows them under its redirect policy.
///
/// ``shared``, the default of every client, puts all of a process's requests on one event thread
/// and one connection cache. `CurlTransport()` makes a transport with a thread and connections of
/// its own; releasing it stops new requests, bodies still streaming are delivered to the end (or
/// until their reader drops them), then its thread ends. A request's ``HTTPConnectionOptions``
/// name its proxy and extra trusted authorities; without a proxy there, proxies come from the usual
/// environment variables (`https_proxy`, `no_proxy`), as for the `curl` command. Each transport opens at most
/// ``HTTPConnectionLimits`` connections; further requests wait for one.
///
/// ```swift
/// let client = HFClient(configuration: HFConfiguration(), transport: CurlTransport.shared)   // what Linux uses by default
/// ```
public final class CurlTransport: HTTPTransport {
    /// The process-wide transport with the default connection limits: one event thread and one
    /// connection cache for every client that does not bring its own transport.
    public static let shared = shared(connectionLimits: HTTPConnectionLimits())

    /// The process-wide transports, one per set of limits; they live as long as the process.
    private static let sharedByLimits = LockedState<[HTTPConnectionLimits: CurlTransport]>([:])

    /// The process-wide transport for `connectionLimits`: clients configured alike share one
    /// event thread and one connection cache.
    ///
    /// ```swift
    /// let transport = CurlTransport.shared(connectionLimits: HTTPConnectionLimits(perHost: 8))
    /// ```
    public static func shared(connectionLimits: HTTPConnectionLimits) -> CurlTransport {
        sharedByLimits.withLock { transports in
            if let transport = transports[connectionLimits] { return transport }
            let transport = CurlTransport(engine: CurlEngine(connectionLimits: connectionLimits))
            transports[connectionLimits] = transport
            return transport
        }
    }

    private let engine: CurlEngine
    private let ownsEngine: Bool

    /// A transport with an event thread and a connection cache of its own.
    public convenience init(connectionLimits: HTTPConnectionLimits = HTTPConnectionLimits()) {
        self.init(engine: CurlEngine(connectionLimits: connectionLimits), ownsEngine: true)
    }

    private init(engine: CurlEngine, ownsEngine: Bool = false) {
        self.engine = engine
        self.ownsEngine = ownsEngine
    }

    deinit {
        if ownsEngine { engine.shutDown() }
    }

    /// Sends `request` and reads the whole response; see ``HTTPTransport/send(_:)``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let engine = self.engine
        let started = LockedState<CurlTransfer?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = engine.start(request) { _ in .whole(continuation) }
                started.withLock { $0 = transfer }
                if Task.isCancelled { engine.cancel(transfer) }
            }
        } onCancel: {
            if let transfer = started.withLock({ $0 }) { engine.cancel(transfer) }
        }
    }

    /// Sends `request` and returns at the response head; see ``HTTPTransport/stream(_:)``.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let engine = self.engine
        let started = LockedState<CurlTransfer?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = engine.start(request) { transfer in
                    // The channel outlives the call; `weak` keeps it from holding a finished transfer.
                    let channel = ByteChannel(
                        onDemand: { [weak transfer] in if let transfer { engine.resume(transfer) } },
                        onCancel: { [weak transfer] in if let transfer { engine.cancel(transfer) } }
                    )
                    return .stream(continuation, channel)
                }
                started.withLock { $0 = transfer }
                if Task.isCancelled { engine.cancel(transfer) }
            }
        } onCancel: {
            if let transfer = started.withLock({ $0 }) { engine.cancel(transfer) }
        }
    }
}
#endif
