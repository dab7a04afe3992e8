#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX socket calls the replay server needs. Every descriptor the server
/// uses is non-blocking; threads block in `poll` instead, so every wait can also watch the shutdown
/// pipe and costs no CPU.
enum Socket {
    /// Outcome of waiting on one descriptor together with the server's shutdown pipe.
    enum Readiness {
        case ready(revents: Int16)
        case timedOut
        case stopping
    }

    static let pollIn = Int16(POLLIN)
    static let pollOut = Int16(POLLOUT)
    static let pollHangUp = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
    #if os(Linux)
    /// Peer shut down its sending side; lets a wait notice a close without reading.
    static let pollPeerClosed: Int16 = 0x2000  // POLLRDHUP (glibc hides it without _GNU_SOURCE)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let pollPeerClosed: Int16 = 0
    static let sendFlags: Int32 = 0
    #endif

    /// A non-blocking TCP listener on 127.0.0.1 with a kernel-chosen port.
    static func makeLoopbackListener() throws -> (fd: Int32, port: Int) {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ReplayError.socket(operation: "socket", errno: errno) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { return try failAndClose(fd, "bind") }
        guard listen(fd, 512) == 0 else { return try failAndClose(fd, "listen") }

        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return try failAndClose(fd, "getsockname") }
        guard setNonBlocking(fd) else { return try failAndClose(fd, "fcntl") }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A pipe whose read end becomes readable forever once anything is written: the shutdown signal.
    static func makeWakePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw ReplayError.socket(operation: "pipe", errno: errno) }
        _ = setNonBlocking(fds[0])
        _ = setNonBlocking(fds[1])
        return (fds[0], fds[1])
    }

    enum AcceptOutcome {
        case accepted(Int32)
        /// Nothing pending.
        case none
        /// Out of descriptors or memory: retrying at once would spin.
        case failed
    }

    /// Accepts one pending connection, configured for the server.
    static func accept(from listener: Int32) -> AcceptOutcome {
        while true {
            #if os(Linux)
            let fd = Glibc.accept(listener, nil, nil)
            #else
            let fd = Darwin.accept(listener, nil, nil)
            #endif
            if fd >= 0 {
                configureAccepted(fd)
                return .accepted(fd)
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN, EWOULDBLOCK: return .none
            default: return .failed
            }
        }
    }

    /// Non-blocking, no Nagle delay (head and body go out as separate writes), no SIGPIPE.
    private static func configureAccepted(_ fd: Int32) {
        _ = setNonBlocking(fd)
        var yes: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    @discardableResult
    static func setNonBlocking(_ fd: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFL, 0)
        return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0
    }

    /// Waits until `fd` reports one of `events`, the deadline passes, or the wake pipe fires.
    /// `events` may be 0 to wait only for hang-up, the deadline or shutdown.
    static func wait(
        for fd: Int32, events: Int16, wakeFD: Int32, until deadline: ContinuousClock.Instant?
    ) -> Readiness {
        var fds = [
            pollfd(fd: fd, events: events, revents: 0),
            pollfd(fd: wakeFD, events: pollIn, revents: 0),
        ]
        while true {
            let timeout = milliseconds(until: deadline)
            let result = poll(&fds, 2, timeout)
            if result < 0 {
                if errno == EINTR { continue }
                return .stopping
            }
            if fds[1].revents != 0 { return .stopping }
            if result == 0 {
                // poll rounds up to whole milliseconds; only report a timeout once the deadline passed.
                if let deadline, ContinuousClock.now < deadline { continue }
                return .timedOut
            }
            return .ready(revents: fds[0].revents)
        }
    }

    /// Sends every byte, waiting (in poll) while the peer's window is full.
    /// Returns `false` when the peer is gone (EPIPE, ECONNRESET, ...).
    static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, wakeFD: Int32) -> SendOutcome {
        guard var pointer = bytes.baseAddress else { return .sent }
        var remaining = bytes.count
        while remaining > 0 {
            let written = send(fd, pointer, remaining, sendFlags)
            if written > 0 {
                pointer += written
                remaining -= written
                continue
            }
            let error = errno
            if written < 0 && error == EINTR { continue }
            if written < 0 && (error == EAGAIN || error == EWOULDBLOCK) {
                switch wait(for: fd, events: pollOut, wakeFD: wakeFD, until: nil) {
                case .stopping: return .stopping
                case .timedOut, .ready: continue
                }
            }
            return .peerGone
        }
        return .sent
    }

    enum SendOutcome {
        case sent
        case peerGone
        case stopping
    }

    /// Reads what is available into `buffer`. Returns the byte count, 0 at end of stream, -1 on error
    /// (the peer reset the connection), or `nil` when nothing is available yet.
    static func receive(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        while true {
            let got = recv(fd, buffer.baseAddress, buffer.count, 0)
            if got >= 0 { return got }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return nil
            default: return -1
            }
        }
    }

    /// Aborts the connection with a TCP RST instead of a FIN.
    static func resetAndClose(_ fd: Int32) {
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        _ = close(fd)
    }

    static func shutdownWrite(_ fd: Int32) {
        #if os(Linux)
        _ = shutdown(fd, Int32(SHUT_WR))
        #else
        _ = shutdown(fd, SHUT_WR)
        #endif
    }

    static func closeDescriptor(_ fd: Int32) {
        _ = close(fd)
    }

    static func signalWake(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return -1 }
        let remaining = ContinuousClock.now.duration(to: deadline)
        if remaining <= .zero { return 0 }
        let (seconds, attoseconds) = remaining.components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: millis)
    }

    private static func failAndClose(_ fd: Int32, _ operation: String) throws -> (fd: Int32, port: Int) {
        let error = errno
        _ = close(fd)
        throw ReplayError.socket(operation: operation, errno: error)
    }
}
