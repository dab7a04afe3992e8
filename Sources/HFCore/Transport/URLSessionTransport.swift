import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A transport on Foundation's URLSession: the default on Apple platforms, selectable on Linux.
///
/// On Apple platforms URLSession streams natively and waits without spinning. On Linux it works,
/// but its event loop busy-waits while a response is pending (see ``CurlTransport``), so it is not
/// the default there. Bytes are handed over as URLSession delivers them; when the reader falls
/// more than 1 MiB behind, the data task is suspended until it catches up.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let router: TaskRouter

    /// - Parameter configuration: the session configuration; caching and cookies are turned off,
    ///   since inference responses are not cacheable and the Hub needs no cookies.
    public init(configuration: URLSessionConfiguration = .ephemeral) {
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = max(configuration.httpMaximumConnectionsPerHost, 64)
        router = TaskRouter()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: queue)
    }

    deinit {
        // Bodies still streaming are delivered to the end; only new requests become impossible.
        session.finishTasksAndInvalidate()
    }

    /// Sends `request` and reads the whole response; see ``HTTPTransport/send(_:)``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await stream(request, wholeBodyDeadline: true)
        return try await collect(response, limit: request.limits.maximumResponseSize)
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
        let task = session.dataTask(with: urlRequest)
        let state = TransferState(request: request, task: task, wholeBodyDeadline: wholeBodyDeadline)
        router.register(state, for: task)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                state.start(continuation)
            }
        } onCancel: {
            state.fail(.cancelled())
        }
    }
}

/// Sends each task's delegate callbacks to its ``TransferState``.
private final class TaskRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let states = LockedState<[Int: TransferState]>([:])

    func register(_ state: TransferState, for task: URLSessionTask) {
        states.withLock { $0[task.taskIdentifier] = state }
    }

    private func state(for task: URLSessionTask) -> TransferState? {
        states.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        state(for: dataTask)?.receive(response)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        state(for: dataTask)?.receive(data)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // Follow redirects, but never from https down to http, where the token would travel in
        // clear; and never carry credentials to another origin (Foundation on Linux copies every
        // header onto the redirected request), as libcurl does not.
        guard let original = task.originalRequest?.url, let target = request.url else {
            completionHandler(nil)
            return
        }
        if original.scheme == "https" && target.scheme != "https" {
            completionHandler(nil)
            return
        }
        var redirected = request
        if original.scheme != target.scheme || original.host != target.host || original.port != target.port {
            for name in ["Authorization", "X-HF-Bill-To", "Cookie", "Proxy-Authorization"] {
                redirected.setValue(nil, forHTTPHeaderField: name)
            }
        }
        completionHandler(redirected)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let state = states.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        state?.complete(error)
    }
}

/// One request's progress, shared by the delegate queue, the caller and the deadline watchdog.
private final class TransferState: @unchecked Sendable {
    private struct Fields {
        var continuation: CheckedContinuation<HTTPStreamingResponse, any Error>?
        var headDelivered = false
        var finished = false
        var received = 0
        var lastActivity = monotonicNow()
        var suspended = false
        var watchdog: DispatchSourceTimer?
    }

    let request: HTTPRequest
    let task: URLSessionDataTask
    let wholeBodyDeadline: Bool
    private let fields = LockedState(Fields())
    private lazy var channel = ByteChannel(
        onDemand: { [weak self] in self?.resumeAfterPause() },
        onCancel: { [weak self] in self?.fail(.cancelled()) }
    )
    init(request: HTTPRequest, task: URLSessionDataTask, wholeBodyDeadline: Bool) {
        self.request = request
        self.task = task
        self.wholeBodyDeadline = wholeBodyDeadline
        _ = channel
    }

    func start(_ continuation: CheckedContinuation<HTTPStreamingResponse, any Error>) {
        let alreadyFailed = fields.withLock { fields -> Bool in
            fields.continuation = continuation
            return fields.finished
        }
        if alreadyFailed {
            continuation.resume(throwing: HFError.cancelled())
            fields.withLock { $0.continuation = nil }
            return
        }
        // A dispatch timer, not a task: deadlines must hold even when the cooperative pool is busy.
        let watchdog = DispatchSource.makeTimerSource(queue: .global())
        let start = monotonicNow()
        watchdog.setEventHandler { [weak self] in self?.checkDeadlines(start: start) }
        watchdog.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(50), leeway: .milliseconds(10))
        fields.withLock { $0.watchdog = watchdog }
        watchdog.resume()
        task.resume()
    }

    /// Enforces the deadlines: URLSession's own timeout is an idle timer for the whole exchange.
    private func checkDeadlines(start: UInt64) {
        let (finished, headDelivered, lastActivity, suspended) = fields.withLock { ($0.finished, $0.headDelivered, $0.lastActivity, $0.suspended) }
        guard !finished else { return }
        let now = monotonicNow()
        if !headDelivered || wholeBodyDeadline {
            if now >= start.adding(request.limits.timeout) {
                fail(.timeout("No \(wholeBodyDeadline ? "whole response" : "response head") within \(request.limits.timeout.formattedSeconds) for \(request.route)."))
            }
        } else if !suspended, now >= lastActivity.adding(request.limits.idleTimeout) {
            fail(.timeout("The stream sent nothing for \(request.limits.idleTimeout.formattedSeconds) (\(request.route))."))
        }
    }

    func receive(_ response: URLResponse) {
        guard let http = response as? HTTPURLResponse else { return }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            headers.add(name: "\(name)", value: "\(value)")
        }
        let head = HTTPResponseHead(status: http.statusCode, headers: headers)
        let continuation = fields.withLock { fields -> CheckedContinuation<HTTPStreamingResponse, any Error>? in
            fields.headDelivered = true
            fields.lastActivity = monotonicNow()
            defer { fields.continuation = nil }
            return fields.continuation
        }
        continuation?.resume(returning: HTTPStreamingResponse(head: head, body: HTTPBodyStream(channel: channel)))
    }

    func receive(_ data: Data) {
        let overLimit = fields.withLock { fields -> Bool in
            fields.received += data.count
            fields.lastActivity = monotonicNow()
            return fields.received > request.limits.maximumResponseSize
        }
        if overLimit {
            fail(.responseTooLarge(limit: request.limits.maximumResponseSize))
            return
        }
        guard channel.deliver(data) else { return }
        // The buffer is full: stop reading until the reader catches up. The channel's flag is read
        // again under the lock that `resumeAfterPause` takes, so a drain that happened in between
        // is not missed (the task would stay suspended forever).
        fields.withLock { fields in
            guard channel.isProducerPaused, !fields.suspended else { return }
            fields.suspended = true
            task.suspend()
        }
    }

    private func resumeAfterPause() {
        fields.withLock { fields in
            guard fields.suspended else { return }
            fields.suspended = false
            fields.lastActivity = monotonicNow()
            task.resume()
        }
    }

    func complete(_ error: (any Error)?) {
        guard let error else {
            let (continuation, watchdog) = fields.withLock { fields -> (CheckedContinuation<HTTPStreamingResponse, any Error>?, DispatchSourceTimer?) in
                fields.finished = true
                defer { fields.continuation = nil }
                return (fields.continuation, fields.watchdog)
            }
            watchdog?.cancel()
            continuation?.resume(throwing: HFError.network("The response to \(request.route) ended without a head."))
            channel.finish()
            return
        }
        let nsError = error as NSError
        if nsError.domain == NSURLErrorDomain, nsError.code == NSURLErrorCancelled {
            fail(.cancelled())
        } else if nsError.domain == NSURLErrorDomain, nsError.code == NSURLErrorTimedOut {
            fail(.timeout("Timed out talking to \(request.route)."))
        } else {
            fail(.network("The connection for \(request.route) failed.", underlying: nsError.localizedDescription))
        }
    }

    /// Ends the transfer with `error`: the caller hears it if the head has not arrived, else the reader.
    func fail(_ error: HFError) {
        let (continuation, alreadyFinished, watchdog) = fields.withLock { fields -> (CheckedContinuation<HTTPStreamingResponse, any Error>?, Bool, DispatchSourceTimer?) in
            let wasFinished = fields.finished
            fields.finished = true
            defer { fields.continuation = nil }
            return (fields.continuation, wasFinished, fields.watchdog)
        }
        guard !alreadyFinished else { return }
        watchdog?.cancel()
        task.cancel()
        let attributed = error.attributed(to: request.provider)
        if let continuation {
            continuation.resume(throwing: attributed)
        } else {
            channel.finish(throwing: attributed)
        }
    }
}
