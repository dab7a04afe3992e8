import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A transport on Foundation's URLSession: the default on Apple platforms, selectable on Linux.
///
/// On Apple platforms URLSession streams natively and waits without spinning. On Linux it works,
/// but its event loop busy-waits while a response is pending (see `CurlTransport`), so it is not
/// the default there. Bytes are handed over as URLSession delivers them; when the reader falls
/// more than 1 MiB behind, the data task is suspended until it catches up. Redirects are returned
/// as responses, for the client to follow under its redirect policy.
///
/// ``HTTPRequest/connection``: on Apple platforms extra trusted authorities are added to the
/// system's in the server-trust challenge, and a proxy gets a session of its own (URLSession takes
/// proxies per session). FoundationNetworking on Linux offers neither hook, so there a request
/// that needs one is refused as ``HTTPTransportError/Code/invalidRequest`` before anything is sent
/// (``CurlTransport``, the default on Linux, supports both).
///
/// ```swift
/// let client = HFClient(configuration: HFConfiguration(), transport: URLSessionTransport())   // the default on Apple platforms
/// ```
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let router: URLSessionTaskRouter
    /// Sessions for requests through a proxy, one per proxy, made from `session`'s configuration.
    private let proxiedSessions = LockedState<[URL: URLSession]>([:])

    /// - Parameters:
    ///   - configuration: the session configuration; caching and cookies are turned off, since
    ///     inference responses are not cacheable and the Hub needs no cookies.
    ///   - connectionLimits: its `perHost` becomes the session's `httpMaximumConnectionsPerHost`
    ///     (URLSession queues the requests beyond it); URLSession has no total limit.
    public init(configuration: URLSessionConfiguration = .ephemeral, connectionLimits: HTTPConnectionLimits = HTTPConnectionLimits()) {
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = max(1, connectionLimits.perHost)
        router = URLSessionTaskRouter()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: queue)
    }

    deinit {
        // Bodies still streaming are delivered to the end; only new requests become impossible.
        session.finishTasksAndInvalidate()
        for proxied in proxiedSessions.withLock({ $0.values }) { proxied.finishTasksAndInvalidate() }
    }

    /// Sends `request` and reads the whole response; see ``HTTPTransport/send(_:)``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await stream(request, wholeBodyDeadline: true)
        return try await response.collect(limit: request.limits.maximumResponseSize)
    }

    /// Sends `request` and returns at the response head; see ``HTTPTransport/stream(_:)``.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        try await stream(request, wholeBodyDeadline: false)
    }

    private func stream(_ request: HTTPRequest, wholeBodyDeadline: Bool) async throws -> HTTPStreamingResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.httpBody = request.body
        // Our own deadlines apply; URLSession's interval is only a backstop against a dead socket.
        urlRequest.timeoutInterval = max(Double(request.limits.timeout.nanoseconds) / 1e9, Double(request.limits.idleTimeout.nanoseconds) / 1e9) + 5
        for field in request.headersForWire() {
            urlRequest.setValue(field.value, forHTTPHeaderField: field.name)
        }
        let task = try session(for: request.connection).dataTask(with: urlRequest)
        let state = URLSessionTransferState(request: request, task: task, wholeBodyDeadline: wholeBodyDeadline)
        router.register(state, for: task)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                state.start(continuation)
            }
        } onCancel: {
            state.fail(.cancelled())
        }
    }

    /// The session that carries requests with `options`.
    private func session(for options: HTTPConnectionOptions) throws(HTTPTransportError) -> URLSession {
        #if canImport(FoundationNetworking)
        if !options.additionalTrustedCertificates.isEmpty || options.proxy != nil {
            throw HTTPTransportError(
                .invalidRequest,
                "URLSessionTransport on Linux cannot add trusted certificate authorities or set a proxy (FoundationNetworking has no hook for either); use CurlTransport, the default on Linux."
            )
        }
        #endif
        guard let proxy = options.proxy, let host = proxy.host else { return session }
        return proxiedSessions.withLock { sessions in
            if let existing = sessions[proxy] { return existing }
            let configuration = session.configuration
            let port = proxy.port ?? 80
            configuration.connectionProxyDictionary = [
                "HTTPEnable": 1, "HTTPProxy": host, "HTTPPort": port,
                "HTTPSEnable": 1, "HTTPSProxy": host, "HTTPSPort": port,
            ]
            let proxied = URLSession(configuration: configuration, delegate: router, delegateQueue: session.delegateQueue)
            sessions[proxy] = proxied
            return proxied
        }
    }
}
