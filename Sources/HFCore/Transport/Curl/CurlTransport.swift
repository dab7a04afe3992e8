#if canImport(CCurl)
import CCurl
import Foundation

/// The default transport on Linux, built on libcurl's multi interface.
///
/// Why not URLSession: on Linux, Foundation's URLSession busy-loops while it waits for a response
/// (measured here: 2.3 s of CPU for a 3 s wait, and ten slow requests saturate two cores), and LLM
/// calls wait for seconds to minutes. This transport runs one event thread per instance, blocked in
/// `curl_multi_poll` while nothing happens, so a waiting request costs no CPU. It reuses
/// connections, speaks HTTP/2 where the server offers it, keeps TLS peer and host verification on,
/// decompresses gzip/brotli/zstd, and hands streamed bytes over as they arrive, pausing the
/// transfer when the reader falls more than 1 MiB behind.
///
/// One instance serves any number of concurrent requests; share it (an ``HFClient`` does).
/// Releasing the last reference stops new requests; bodies still streaming are delivered to the
/// end (or until their reader drops them), then the thread ends.
public final class CurlTransport: HTTPTransport {
    private let engine: CurlEngine

    /// Starts the event thread. Proxies come from the usual environment variables (`https_proxy`,
    /// `no_proxy`), as for the `curl` command.
    public init() {
        engine = CurlEngine()
    }

    deinit {
        engine.shutDown()
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
