import Foundation

/// Serves one accepted connection on its own thread: reads requests (keep-alive, `Content-Length` or
/// chunked bodies, `Expect: 100-continue`) and writes the prepared responses, applying the plan's
/// delays and faults. Every wait is a `poll` that also watches the server's shutdown pipe.
final class HTTPConnection {
    private enum ReadOutcome {
        case data
        case endOfStream
        case stopping
    }

    private enum PauseOutcome {
        case elapsed
        case disconnected
        case stopping
    }

    private enum BodyOutcome {
        case complete
        case malformed(String, status: Int)
        case ended
    }

    private static let maximumHeadBytes = 1 << 20
    private static let maximumBodyBytes = 1 << 30
    /// Bytes of a pipelined next request buffered while a delay is watching for disconnects.
    private static let maximumBufferedWhileWaiting = 1 << 20
    /// How long a clean close waits for the client to close its side (so our FIN is not turned into
    /// an RST by unread data).
    private static let lingerOnClose: Duration = .seconds(2)

    private let fd: Int32
    private let id: Int
    private let core: ServerCore
    private var closed = false
    private var input: [UInt8] = []
    private var consumed = 0
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

    init(fd: Int32, id: Int, core: ServerCore) {
        self.fd = fd
        self.id = id
        self.core = core
    }

    func run() {
        defer {
            if !closed { Socket.closeDescriptor(fd) }
        }
        while !closed && !core.isStopping {
            guard var request = readHead() else { return }
            switch readBody(into: &request) {
            case .ended:
                return
            case .malformed(let reason, let status):
                sendError(reason, status: status)
                return
            case .complete:
                break
            }
            let (requestIndex, prepared) = core.respond(to: request, connectionID: id)
            guard deliver(prepared, requestIndex: requestIndex) else { return }
        }
    }

    // MARK: Reading

    private var available: Int { input.count - consumed }

    /// Reads more bytes into `input`, waiting in `poll` when none are ready.
    private func readMore() -> ReadOutcome {
        if consumed == input.count {
            input.removeAll(keepingCapacity: true)
            consumed = 0
        } else if consumed > 64 * 1024 {
            input.removeFirst(consumed)
            consumed = 0
        }
        while true {
            let got = scratch.withUnsafeMutableBytes { Socket.receive(fd, into: $0) }
            switch got {
            case .some(let count) where count > 0:
                input.append(contentsOf: scratch[0..<count])
                return .data
            case .some:
                return .endOfStream
            case .none:
                switch Socket.wait(for: fd, events: Socket.pollIn, wakeFD: core.wakeFD, until: nil) {
                case .stopping: return .stopping
                case .timedOut, .ready: continue
                }
            }
        }
    }

    /// Reads up to and including the blank line ending a request head; `nil` when the connection ends.
    private func readHead() -> IncomingRequest? {
        // Offsets are relative to `consumed`, which stays valid when readMore compacts the buffer.
        var scanOffset = 0
        while true {
            if scanOffset == 0 {
                // Tolerate stray CRLFs between requests (RFC 9112 §2.2).
                while consumed < input.count, input[consumed] == 13 || input[consumed] == 10 { consumed += 1 }
            }
            if let end = headEnd(from: consumed + scanOffset) {
                let head = input[consumed..<end]
                consumed = end
                guard let request = IncomingRequest(head: head) else {
                    let text = String(decoding: head.prefix(2000), as: UTF8.self)
                    sendError("HFReplay: malformed request head:\n\(text)", status: 400)
                    return nil
                }
                return request
            }
            if available > Self.maximumHeadBytes {
                sendError("HFReplay: request head larger than \(Self.maximumHeadBytes) bytes", status: 431)
                return nil
            }
            scanOffset = max(0, available - 2)
            guard readMore() == .data else { return nil }
        }
    }

    /// Index just past `\n\r\n` or `\n\n`, searching from `start`.
    private func headEnd(from start: Int) -> Int? {
        var index = max(start, consumed)
        let count = input.count
        while index < count {
            if input[index] == 10 {
                if index + 1 < count && input[index + 1] == 10 { return index + 2 }
                if index + 2 < count && input[index + 1] == 13 && input[index + 2] == 10 { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    private func readBody(into request: inout IncomingRequest) -> BodyOutcome {
        let transferEncoding = request.header("transfer-encoding")?.lowercased()
        let chunked = transferEncoding.map { $0.split(separator: ",").last?.trimmingCharacters(in: .whitespaces) == "chunked" } ?? false
        if let transferEncoding, !chunked {
            return .malformed("HFReplay: unsupported transfer-encoding \(transferEncoding)", status: 501)
        }
        var length = 0
        if !chunked, let value = request.header("content-length") {
            guard let parsed = Int(value.trimmingCharacters(in: .whitespaces)), parsed >= 0 else {
                return .malformed("HFReplay: bad content-length \(value)", status: 400)
            }
            guard parsed <= Self.maximumBodyBytes else {
                return .malformed("HFReplay: body larger than \(Self.maximumBodyBytes) bytes", status: 413)
            }
            length = parsed
        }
        if (chunked || length > 0), request.version == "HTTP/1.1",
           request.header("expect")?.lowercased() == "100-continue" {
            guard send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) == .sent else { return .ended }
        }
        if chunked {
            request.bodyWasChunked = true
            return readChunkedBody(into: &request.body)
        }
        while available < length {
            guard readMore() == .data else { return .ended }
        }
        request.body = Data(input[consumed..<consumed + length])
        consumed += length
        return .complete
    }

    private func readChunkedBody(into body: inout Data) -> BodyOutcome {
        while true {
            guard let line = readLine() else { return .ended }
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                return .malformed("HFReplay: bad chunk size line \(line.prefix(100))", status: 400)
            }
            if size == 0 {
                // Trailer fields, ended by an empty line.
                while true {
                    guard let trailer = readLine() else { return .ended }
                    if trailer.isEmpty { return .complete }
                }
            }
            guard body.count + size <= Self.maximumBodyBytes else {
                return .malformed("HFReplay: body larger than \(Self.maximumBodyBytes) bytes", status: 413)
            }
            while available < size {
                guard readMore() == .data else { return .ended }
            }
            body.append(contentsOf: input[consumed..<consumed + size])
            consumed += size
            guard let terminator = readLine(), terminator.isEmpty else {
                return .malformed("HFReplay: chunk data not followed by CRLF", status: 400)
            }
        }
    }

    /// One line without its CRLF (or bare LF); `nil` when the connection ends first.
    private func readLine() -> String? {
        var scanOffset = 0
        while true {
            if let newline = input[(consumed + scanOffset)...].firstIndex(of: 10) {
                var end = newline
                if end > consumed && input[end - 1] == 13 { end -= 1 }
                let line = String(decoding: input[consumed..<end], as: UTF8.self)
                consumed = newline + 1
                return line
            }
            guard available < 64 * 1024 else { return nil }
            scanOffset = available
            guard readMore() == .data else { return nil }
        }
    }

    // MARK: Writing

    private func send(_ bytes: [UInt8]) -> Socket.SendOutcome {
        bytes.withUnsafeBytes { Socket.sendAll(fd, $0, wakeFD: core.wakeFD) }
    }

    private func sendError(_ text: String, status: Int) {
        let response = PreparedResponse(plainText: text, status: status, clientWantsClose: true)
        var bytes = response.head
        bytes.append(contentsOf: response.body)
        _ = send(bytes)
        closeGracefully()
    }

    /// Writes one response; returns whether the connection stays open for another request.
    private func deliver(_ response: PreparedResponse, requestIndex: Int) -> Bool {
        let plan = response.plan
        var record = Delivery()
        func finish(_ outcome: ServedResponse.Outcome) {
            let record = record
            core.updateResponse(forRequest: requestIndex) { served in
                served.outcome = outcome
                served.bodyBytesSent = record.bodyBytesSent
                served.headSentAt = record.headSentAt
                served.firstBodyByteAt = record.firstBodyByteAt
                served.lastBodyByteAt = record.lastBodyByteAt
            }
        }
        // Outcome first, so a test woken by the disconnect already sees it.
        func clientLeft(_ phase: DisconnectEvent.Phase) -> Bool {
            finish(.clientDisconnected)
            core.recordDisconnect(connectionID: id, requestIndex: requestIndex, phase: phase)
            return false
        }

        if plan.delayBeforeHead > .zero {
            switch pause(for: plan.delayBeforeHead) {
            case .elapsed: break
            case .disconnected: return clientLeft(.beforeHead)
            case .stopping: finish(.serverStopped); return false
            }
        }
        switch plan.fault {
        case .closeBeforeHead?:
            finish(.truncated)
            closeGracefully()
            return false
        case .resetBeforeHead?:
            finish(.reset)
            reset()
            return false
        default:
            break
        }

        var pending = response.head
        var pendingBodyBytes = 0
        /// Writes `pending`, stamping head and body times. `nil` to carry on; otherwise delivery is
        /// over and the value is what `deliver` returns.
        func flush() -> Bool? {
            guard !pending.isEmpty else { return nil }
            switch send(pending) {
            case .sent: break
            case .peerGone: return clientLeft(.writing)
            case .stopping: finish(.serverStopped); return false
            }
            let now = ContinuousClock.now
            if record.headSentAt == nil { record.headSentAt = now }
            if pendingBodyBytes > 0 {
                if record.firstBodyByteAt == nil { record.firstBodyByteAt = now }
                record.lastBodyByteAt = now
                record.bodyBytesSent += pendingBodyBytes
            }
            pending.removeAll(keepingCapacity: true)
            pendingBodyBytes = 0
            return nil
        }

        let faultLimit: Int?
        switch plan.fault {
        case .resetAfter(let bytes)?, .truncateAfter(let bytes)?: faultLimit = max(0, bytes)
        default: faultLimit = nil
        }
        // The outcome is published before closing: a clean close lingers until the client closes too.
        func applyFault() -> Bool {
            if case .resetAfter? = plan.fault {
                finish(.reset)
                reset()
            } else {
                finish(.truncated)
                closeGracefully()
            }
            return false
        }

        if response.hasBody {
            var payloadQueued = 0
            for (position, piece) in response.pieces.enumerated() {
                if position > 0 {
                    if let stop = flush() { return stop }
                    if plan.delayBetweenChunks > .zero {
                        switch pause(for: plan.delayBetweenChunks) {
                        case .elapsed: break
                        case .disconnected: return clientLeft(.betweenChunks)
                        case .stopping: finish(.serverStopped); return false
                        }
                    }
                }
                // A fault cuts inside or right after the piece that reaches its byte limit.
                var take = piece.count
                var cut = false
                if let faultLimit, payloadQueued + take >= faultLimit {
                    take = faultLimit - payloadQueued
                    cut = true
                }
                if take > 0 {
                    if response.chunked {
                        pending.append(contentsOf: Array(String(piece.count, radix: 16).utf8))
                        pending.append(13)
                        pending.append(10)
                    }
                    let start = response.body.startIndex + piece.lowerBound
                    pending.append(contentsOf: response.body[start..<start + take])
                    pendingBodyBytes += take
                    payloadQueued += take
                    if response.chunked && take == piece.count {
                        pending.append(13)
                        pending.append(10)
                    }
                }
                if cut {
                    if let stop = flush() { return stop }
                    return applyFault()
                }
            }
            if faultLimit != nil {
                // The limit is at or beyond the body's end: everything went out except the ending.
                if let stop = flush() { return stop }
                return applyFault()
            }
            if response.chunked {
                pending.append(contentsOf: [48, 13, 10, 13, 10])  // "0\r\n\r\n"
            }
        } else if faultLimit != nil {
            if let stop = flush() { return stop }
            return applyFault()
        }
        if let stop = flush() { return stop }
        finish(.completed)
        if response.closeAfter {
            closeGracefully()
            return false
        }
        return true
    }

    /// Timestamps of one delivery, published when it ends.
    private struct Delivery {
        var bodyBytesSent = 0
        var headSentAt: ContinuousClock.Instant?
        var firstBodyByteAt: ContinuousClock.Instant?
        var lastBodyByteAt: ContinuousClock.Instant?
    }

    // MARK: Waiting and closing

    /// Sleeps in `poll` for `duration`, noticing a client that closes or resets meanwhile. Bytes the
    /// client sends meanwhile (a pipelined request) are kept for the next read.
    private func pause(for duration: Duration) -> PauseOutcome {
        let deadline = ContinuousClock.now + duration
        while true {
            let watchInput = available < Self.maximumBufferedWhileWaiting
            let events = watchInput ? (Socket.pollIn | Socket.pollPeerClosed) : Socket.pollPeerClosed
            switch Socket.wait(for: fd, events: events, wakeFD: core.wakeFD, until: deadline) {
            case .timedOut:
                return .elapsed
            case .stopping:
                return .stopping
            case .ready(let revents):
                if revents & Socket.pollHangUp != 0 { return .disconnected }
                if watchInput && revents & Socket.pollIn != 0 {
                    let got = scratch.withUnsafeMutableBytes { Socket.receive(fd, into: $0) }
                    switch got {
                    case .some(let count) where count > 0:
                        input.append(contentsOf: scratch[0..<count])
                    case .some:
                        return .disconnected
                    case .none:
                        break
                    }
                } else if revents & Socket.pollPeerClosed != 0 {
                    return .disconnected
                }
            }
        }
    }

    /// Sends FIN, then waits briefly for the client's FIN, discarding what it sends, so that unread
    /// input does not turn our close into a reset.
    private func closeGracefully() {
        guard !closed else { return }
        Socket.shutdownWrite(fd)
        let deadline = ContinuousClock.now + Self.lingerOnClose
        drain: while true {
            switch Socket.wait(for: fd, events: Socket.pollIn, wakeFD: core.wakeFD, until: deadline) {
            case .timedOut, .stopping:
                break drain
            case .ready:
                let got = scratch.withUnsafeMutableBytes { Socket.receive(fd, into: $0) }
                if let got, got <= 0 { break drain }
            }
        }
        Socket.closeDescriptor(fd)
        closed = true
    }

    private func reset() {
        guard !closed else { return }
        Socket.resetAndClose(fd)
        closed = true
    }
}
