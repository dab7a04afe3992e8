#if canImport(CCurl)
import CCurl
import Foundation

/// One request on libcurl: its easy handle, the response as it builds up, and the Swift side
/// waiting for it.
///
/// Everything here runs on the engine's event thread, except ``cancelRequested``, which the
/// engine guards with its inbox lock. libcurl calls back with `Unmanaged` pointers to this object;
/// the engine keeps it alive while the handle is in the multi handle.
final class CurlTransfer: @unchecked Sendable {
    enum Outcome {
        case whole(CheckedContinuation<HTTPResponse, any Error>)
        case stream(CheckedContinuation<HTTPStreamingResponse, any Error>, ByteChannel)
    }

    let request: HTTPRequest
    /// The easy handle while the transfer is in the multi handle; the engine recycles it after.
    private(set) var handle: UnsafeMutableRawPointer?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var outcome: Outcome?

    /// Set from any thread, under the engine's inbox lock.
    var cancelRequested = false
    /// `true` while libcurl holds the transfer paused for backpressure.
    var paused = false

    /// How much of the request body libcurl has taken.
    private var uploaded = 0
    private var status = 0
    private var headers = HTTPHeaders()
    /// Bytes of header lines so far, every block (1xx included) counted.
    private var headSize = 0
    private var headDelivered = false
    private var body = Data()
    private var received = 0
    private var abortReason: HTTPTransportError?
    /// When the response (whole mode) or its head (stream mode) must have arrived.
    private(set) var deadline: UInt64
    /// When the next stream chunk must have arrived; `nil` until the head is in, and while paused.
    private(set) var idleDeadline: UInt64?

    init(request: HTTPRequest) {
        self.request = request
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        deadline = monotonicNow().adding(request.limits.timeout)
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Attaches the Swift side that waits for the outcome.
    func attach(_ outcome: Outcome) {
        self.outcome = outcome
    }

    var isStreaming: Bool {
        if case .stream = outcome { return true }
        return false
    }

    // MARK: Configuring the handle

    /// Returns the easy handle for reuse; the transfer no longer owns it.
    func detachHandle() -> UnsafeMutableRawPointer? {
        defer { handle = nil }
        return handle
    }

    /// Sets every option for the request on `handle`; returns libcurl's complaint, if any.
    func configure(handle: UnsafeMutableRawPointer) -> CURLcode {
        self.handle = handle
        // The header list from an earlier attempt, if any, is no longer referenced by a handle.
        curl_slist_free_all(headerList)
        headerList = nil
        let url = request.url
        let isPlainHTTP = url.scheme?.lowercased() == "http"
        var codes: [CURLcode] = []
        codes.append(hf_easy_setopt_string(handle, CURLOPT_URL, url.absoluteString))
        codes.append(hf_easy_restrict_protocols(handle, isPlainHTTP ? 1 : 0))
        codes.append(hf_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        // Redirects come back as responses: the client follows them under one policy for every
        // transport (libcurl would carry custom headers such as X-HF-Bill-To to another origin).
        codes.append(hf_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        codes.append(hf_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        codes.append(hf_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        codes.append(hf_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS))
        // Requests that start together wait for the first TLS handshake to the host and then share
        // its connection when ALPN chose HTTP/2, rather than each opening one. Over plain http the
        // wait could last until a slow reply's head, so there each opens its own.
        codes.append(hf_easy_setopt_long(handle, CURLOPT_PIPEWAIT, isPlainHTTP ? 0 : 1))
        if !request.connection.additionalTrustedCertificates.isEmpty {
            let bundle = CurlCertificateBundle.adding(request.connection.additionalTrustedCertificates)
            codes.append(bundle.withUnsafeBytes { hf_easy_setopt_blob(handle, CURLOPT_CAINFO_BLOB, $0.baseAddress, $0.count) })
        }
        if let proxy = request.connection.proxy {
            // A proxy set in code is the whole answer: `https_proxy` and `no_proxy` are not read.
            codes.append(hf_easy_setopt_string(handle, CURLOPT_PROXY, proxy.absoluteString))
            codes.append(hf_easy_setopt_string(handle, CURLOPT_NOPROXY, ""))
        }
        codes.append(hf_easy_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
        // Through an https proxy, the proxy's "200 Connection established" block must not pass for
        // the server's head.
        codes.append(hf_easy_setopt_long(handle, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1))
        codes.append(hf_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(min(request.limits.timeout, .seconds(30)).nanoseconds / 1_000_000)))
        // Every encoding libcurl was built with (gzip, br, zstd); it decompresses before our callback.
        codes.append(hf_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        codes.append(hf_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))

        let context = Unmanaged.passUnretained(self).toOpaque()
        codes.append(hf_easy_setopt_pointer(handle, CURLOPT_PRIVATE, context))
        codes.append(hf_easy_setopt_write_function(handle, curlWriteCallback))
        codes.append(hf_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        codes.append(hf_easy_setopt_header_function(handle, curlHeaderCallback))
        codes.append(hf_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context))

        switch request.method {
        case .get:
            codes.append(hf_easy_setopt_long(handle, CURLOPT_HTTPGET, 1))
        case .head:
            codes.append(hf_easy_setopt_long(handle, CURLOPT_NOBODY, 1))
        case .post:
            break
        default:
            codes.append(hf_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue))
        }
        if let body = request.body ?? (request.method == .post ? Data() : nil) {
            // The body goes out through a read callback that cannot rewind. libcurl re-sends a
            // request whose reused connection dies before any answer; it rewinds the body first
            // when some of it was sent, and the refusal makes that a failure instead: the server
            // may have acted on a POST it received whole (D60). With nothing sent, the resend is
            // safe and still happens.
            codes.append(hf_easy_setopt_long(handle, CURLOPT_POST, 1))
            codes.append(hf_easy_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            codes.append(hf_easy_setopt_read_function(handle, curlReadCallback))
            codes.append(hf_easy_setopt_pointer(handle, CURLOPT_READDATA, context))
            codes.append(hf_easy_setopt_seek_function(handle, curlSeekCallback))
        }

        var wire = request.headersForWire()
        // libcurl would otherwise wait up to a second for "100 Continue" before sending larger bodies,
        // and label a body without a type as a form.
        wire["Expect"] = ""
        if request.body != nil, !wire.contains("Content-Type") { wire["Content-Type"] = "" }
        for field in wire {
            // "Name:" with nothing after it tells libcurl to drop a header it would add itself.
            let line = field.value.isEmpty ? "\(field.name):" : "\(field.name): \(field.value)"
            headerList = curl_slist_append(headerList, line)
        }
        codes.append(hf_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList))
        return codes.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    // MARK: Callbacks from libcurl (event thread)

    /// Takes one header line; `false` stops the transfer (the head is over its size limit).
    fileprivate func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        headSize += bytes.count
        guard headSize <= request.limits.maximumHeadSize else {
            abortReason = .headTooLarge(request)
            return false
        }
        // Trimmed as bytes: Foundation's `trimmingCharacters` goes through NSString on Linux and
        // cost ~6% of a small request's CPU (D25).
        let line = Self.trimmed(bytes[...], of: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        if line.starts(with: "HTTP/".utf8) {
            // A new header block: after "100 Continue", only the last block counts.
            let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 2)
            status = parts.count > 1 ? Int(String(decoding: parts[1], as: UTF8.self)) ?? 0 : 0
            headers = HTTPHeaders()
            return true
        }
        if line.isEmpty {
            if isFinalHeaderBlock { deliverHead() }
            return true
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return true }
        let value = Self.trimmed(line[(colon + 1)...], of: [UInt8(ascii: " "), UInt8(ascii: "\t")])
        headers.add(name: String(decoding: line[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self))
        return true
    }

    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>, of set: [UInt8]) -> Slice<UnsafeRawBufferPointer> {
        var bytes = bytes
        while let first = bytes.first, set.contains(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, set.contains(last) { bytes = bytes.dropLast() }
        return bytes
    }

    /// Informational blocks (1xx) precede the final one.
    private var isFinalHeaderBlock: Bool {
        status >= 200
    }

    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if !headDelivered { deliverHead() }
        guard received + bytes.count <= request.limits.maximumResponseSize else {
            abortReason = .responseTooLarge(limit: request.limits.maximumResponseSize)
            return 0
        }
        switch outcome {
        case .whole?:
            body.append(contentsOf: bytes)
        case .stream(_, let channel)?:
            guard channel.offer(bytes) else {
                paused = true
                idleDeadline = nil
                return hf_curl_writefunc_pause()
            }
            idleDeadline = monotonicNow().adding(request.limits.idleTimeout)
        case nil:
            return 0
        }
        received += bytes.count
        return bytes.count
    }

    /// Copies the next part of the request body into libcurl's buffer.
    fileprivate func readBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let body = request.body, uploaded < body.count else { return 0 }
        let count = min(buffer.count, body.count - uploaded)
        body.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[uploaded..<(uploaded + count)]))
        }
        uploaded += count
        return count
    }

    /// Hands a streaming caller the head as soon as the final header block is complete.
    private func deliverHead() {
        guard !headDelivered else { return }
        headDelivered = true
        guard case .stream(let continuation, let channel)? = outcome else { return }
        idleDeadline = monotonicNow().adding(request.limits.idleTimeout)
        let head = HTTPResponseHead(status: status, headers: headers)
        continuation.resume(returning: HTTPStreamingResponse(head: head, body: HTTPBodyStream(channel: channel)))
    }

    /// Called by the engine when the reader asked for more after a pause.
    func didResume() {
        paused = false
        idleDeadline = monotonicNow().adding(request.limits.idleTimeout)
    }

    // MARK: Completion (event thread)

    /// The deadline that has passed at `now`, as the error to finish with.
    func expiredDeadline(at now: UInt64) -> HTTPTransportError? {
        if !headDelivered || !isStreaming {
            return now >= deadline ? .headTimeout(request, whole: !isStreaming) : nil
        }
        if let idleDeadline, now >= idleDeadline {
            return .idleTimeout(request)
        }
        return nil
    }

    /// The earliest moment this transfer needs the event loop to look at it.
    var nextDeadline: UInt64? {
        (!headDelivered || !isStreaming) ? deadline : idleDeadline
    }

    /// Finishes with libcurl's result for the transfer.
    func complete(code: CURLcode) {
        if code == CURLE_OK {
            var responseCode = 0
            if let handle, hf_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode) == CURLE_OK, responseCode > 0 {
                status = responseCode
            }
            succeed()
        } else {
            fail(abortReason ?? error(for: code))
        }
    }

    private func succeed() {
        switch outcome {
        case .whole(let continuation)?:
            continuation.resume(returning: HTTPResponse(head: HTTPResponseHead(status: status, headers: headers), body: body))
        case .stream(_, let channel)?:
            deliverHead()
            channel.finish()
        case nil:
            break
        }
        outcome = nil
    }

    /// Finishes with `error`: before the head it fails the call, after it the body stream.
    func fail(_ error: HTTPTransportError) {
        switch outcome {
        case .whole(let continuation)?:
            continuation.resume(throwing: error)
        case .stream(let continuation, let channel)?:
            if headDelivered {
                channel.finish(throwing: error)
            } else {
                headDelivered = true
                continuation.resume(throwing: error)
            }
        case nil:
            break
        }
        outcome = nil
    }

    private func error(for code: CURLcode) -> HTTPTransportError {
        let detail = String(cString: errorBuffer)
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let underlying = "libcurl error \(code.rawValue): \(text)"
        let route = request.route
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return HTTPTransportError(.timedOut, "Timed out talking to \(route).", detail: underlying)
        case CURLE_SEND_FAIL_REWIND:
            // libcurl wanted to send it again on a new connection; the read callback refused.
            return HTTPTransportError(.connectionLost, "The connection closed after \(route) was sent, before any answer; it was not sent again, since the server may have acted on it.", detail: underlying)
        case CURLE_OUT_OF_MEMORY where !headDelivered:
            // libcurl's word for a header line over its 100 KB limit; no allocation failed.
            return .headTooLarge(request)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled()
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return HTTPTransportError(.hostNotFound, "Could not resolve the host of \(route).", detail: underlying)
        case CURLE_COULDNT_CONNECT:
            return HTTPTransportError(.connectionFailed, "Could not connect to \(route).", detail: underlying)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return HTTPTransportError(.invalidRequest, "The URL of \(route) cannot be used.", detail: underlying)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE:
            return HTTPTransportError(.tlsFailed, "The TLS certificate of \(route) could not be verified.", detail: underlying)
        case CURLE_SSL_CONNECT_ERROR:
            return HTTPTransportError(.tlsFailed, "The TLS handshake for \(route) failed.", detail: underlying)
        default:
            return HTTPTransportError(.connectionLost, "The connection for \(route) failed.", detail: underlying)
        }
    }
}

private func curlWriteCallback(
    _ pointer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: pointer, count: size * count))
}

private func curlReadCallback(
    _ pointer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context, let pointer else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.readBody(into: UnsafeMutableRawBufferPointer(start: pointer, count: size * count))
}

/// Refuses every rewind: see where the body is set up in `configure(handle:)`.
private func curlSeekCallback(_ context: UnsafeMutableRawPointer?, _ offset: curl_off_t, _ origin: Int32) -> Int32 {
    hf_curl_seekfunc_cantseek()
}

private func curlHeaderCallback(
    _ pointer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: pointer, count: size * count)) ? size * count : 0
}
#endif
