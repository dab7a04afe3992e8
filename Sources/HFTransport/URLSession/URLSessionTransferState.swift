import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request's progress, shared by the delegate queue, the caller and the deadline timer.
///
/// Deadlines run on a one-shot dispatch timer armed for the next moment something can be due: the
/// head (or whole-response) deadline, then the end of the allowed silence after the last chunk. It
/// does not fire while bytes keep arriving within the silence allowed, nor while the transfer is
/// paused for backpressure, so a waiting request wakes nothing (on Apple platforms the process
/// sleeps). A dispatch timer, not a task: deadlines must hold even when the cooperative pool is busy.
final class URLSessionTransferState: @unchecked Sendable {
    private struct Fields {
        var continuation: CheckedContinuation<HTTPStreamingResponse, any Error>?
        var headDelivered = false
        var finished = false
        var received = 0
        var lastActivity = monotonicNow()
        var suspended = false
        var timer: DispatchSourceTimer?
    }

    let request: HTTPRequest
    let task: URLSessionDataTask
    let wholeBodyDeadline: Bool
    private let start = monotonicNow()
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
            continuation.resume(throwing: HTTPTransportError.cancelled())
            fields.withLock { $0.continuation = nil }
            return
        }
        // The timer is made under the lock that `fail` takes: a cancellation that came in meanwhile
        // has resumed the caller already, and nothing is started.
        let timer = fields.withLock { fields -> DispatchSourceTimer? in
            guard !fields.finished else { return nil }
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.setEventHandler { [weak self] in self?.checkDeadlines() }
            fields.timer = timer
            arm(timer, at: start.adding(request.limits.timeout))
            return timer
        }
        guard let timer else { return }
        timer.resume()
        task.resume()
    }

    /// Schedules the one firing of `timer` for `deadline` (monotonic nanoseconds).
    private func arm(_ timer: DispatchSourceTimer?, at deadline: UInt64) {
        let now = monotonicNow()
        let delay = deadline > now ? deadline - now : 0
        timer?.schedule(deadline: .now() + .nanoseconds(Int(clamping: delay)), repeating: .never, leeway: .milliseconds(10))
    }

    /// The timer fired: fail on a deadline that has passed, else arm for the next one, if any.
    private func checkDeadlines() {
        let expired = fields.withLock { fields -> HTTPTransportError? in
            guard !fields.finished else { return nil }
            let now = monotonicNow()
            if !fields.headDelivered || wholeBodyDeadline {
                let deadline = start.adding(request.limits.timeout)
                guard now >= deadline else {
                    arm(fields.timer, at: deadline)
                    return nil
                }
                return .headTimeout(request, whole: wholeBodyDeadline)
            }
            // Paused for backpressure: nothing is due until the reader asks for more.
            if fields.suspended { return nil }
            let deadline = fields.lastActivity.adding(request.limits.idleTimeout)
            guard now >= deadline else {
                arm(fields.timer, at: deadline)
                return nil
            }
            return .idleTimeout(request)
        }
        if let expired { fail(expired) }
    }

    func receive(_ response: URLResponse) {
        guard let http = response as? HTTPURLResponse else { return }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            headers.add(name: "\(name)", value: "\(value)")
        }
        // Counted as the wire has them, "Name: value" and CRLF, after the fact: URLSession holds
        // the whole head already, and this still spares the caller a head no server should send.
        guard headers.reduce(0, { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }) <= request.limits.maximumHeadSize else {
            fail(.headTooLarge(request))
            return
        }
        let head = HTTPResponseHead(status: http.statusCode, headers: headers)
        let continuation = fields.withLock { fields -> CheckedContinuation<HTTPStreamingResponse, any Error>? in
            fields.headDelivered = true
            fields.lastActivity = monotonicNow()
            if !wholeBodyDeadline { arm(fields.timer, at: fields.lastActivity.adding(request.limits.idleTimeout)) }
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
            if !wholeBodyDeadline { arm(fields.timer, at: fields.lastActivity.adding(request.limits.idleTimeout)) }
            task.resume()
        }
    }

    func complete(_ error: (any Error)?) {
        guard let error else {
            let (continuation, timer) = fields.withLock { fields -> (CheckedContinuation<HTTPStreamingResponse, any Error>?, DispatchSourceTimer?) in
                fields.finished = true
                defer { fields.continuation = nil }
                return (fields.continuation, fields.timer)
            }
            timer?.cancel()
            continuation?.resume(throwing: HTTPTransportError(.connectionLost, "The response to \(request.route) ended without a head."))
            channel.finish()
            return
        }
        let nsError = error as NSError
        if nsError.domain == NSURLErrorDomain, nsError.code == NSURLErrorCancelled {
            fail(.cancelled())
        } else if Self.isHeadOverLibcurlLimit(nsError), !fields.withLock({ $0.headDelivered }) {
            fail(.headTooLarge(request))
        } else if nsError.domain == NSURLErrorDomain, nsError.code == NSURLErrorTimedOut {
            fail(HTTPTransportError(.timedOut, "Timed out talking to \(request.route).", detail: nsError.localizedDescription))
        } else {
            fail(HTTPTransportError(Self.code(for: nsError), "The connection for \(request.route) failed.", detail: nsError.localizedDescription))
        }
    }

    /// Foundation on Linux runs on libcurl and passes on its text under an unknown error code:
    /// "Out of memory" is libcurl refusing a header line over 100 KB (no allocation failed), and
    /// "Too large response headers: …" headers over 300 KiB in all.
    private static func isHeadOverLibcurlLimit(_ error: NSError) -> Bool {
        #if canImport(FoundationNetworking)
        guard error.domain == NSURLErrorDomain, error.code == NSURLErrorUnknown else { return false }
        let text = error.localizedDescription
        return text == "Out of memory" || text.hasPrefix("Too large response headers")
        #else
        return false
        #endif
    }

    private static func code(for error: NSError) -> HTTPTransportError.Code {
        guard error.domain == NSURLErrorDomain else { return .connectionLost }
        switch error.code {
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return .hostNotFound
        case NSURLErrorCannotConnectToHost: return .connectionFailed
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
             NSURLErrorServerCertificateNotYetValid, NSURLErrorServerCertificateHasUnknownRoot:
            return .tlsFailed
        case NSURLErrorBadURL, NSURLErrorUnsupportedURL: return .invalidRequest
        // FoundationNetworking reports libcurl's TLS failures as "unknown" with libcurl's text
        // ("SSL certificate problem: unable to get local issuer certificate", "SSL connect error").
        case NSURLErrorUnknown where error.localizedDescription.contains("SSL"): return .tlsFailed
        default: return .connectionLost
        }
    }

    /// Ends the transfer with `error`: the caller hears it if the head has not arrived, else the reader.
    func fail(_ error: HTTPTransportError) {
        let (continuation, alreadyFinished, timer) = fields.withLock { fields -> (CheckedContinuation<HTTPStreamingResponse, any Error>?, Bool, DispatchSourceTimer?) in
            let wasFinished = fields.finished
            fields.finished = true
            defer { fields.continuation = nil }
            return (fields.continuation, wasFinished, fields.timer)
        }
        guard !alreadyFinished else { return }
        timer?.cancel()
        task.cancel()
        if let continuation {
            continuation.resume(throwing: error)
        } else {
            channel.finish(throwing: error)
        }
    }
}
