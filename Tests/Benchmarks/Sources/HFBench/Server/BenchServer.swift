import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 loopback server for the benchmarks, run in its own process
/// (`HFBench serve`) so its CPU never counts as the client's.
///
/// It answers every request with recorded bytes prepared once (see ``Scenario``): one thread per
/// connection, blocking reads, keep-alive, `TCP_NODELAY`, a whole response in one write. Waits sleep
/// the connection's thread, costing no CPU. Only what the benchmark clients send is understood:
/// `Content-Length` bodies, no pipelining.
final class BenchServer: Sendable {
    let port: Int
    private let listener: Int32
    private let responses: PreparedResponses
    private let stats = Mutex(ServerStats())

    init(recorded: Recorded) throws {
        responses = PreparedResponses(recorded: recorded)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        guard listener >= 0 else { throw BenchError("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // A deep backlog: B4 opens 1000 connections at once.
        guard bound == 0, listen(listener, 4096) == 0 else { throw BenchError("bind/listen: \(String(cString: strerror(errno)))") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Accepts connections until the process is killed.
    func run() -> Never {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            var yes: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            stats.withLock { $0.accepted += 1 }
            let thread = Thread { [self] in serve(connection) }
            thread.stackSize = 256 << 10
            thread.start()
        }
    }

    // MARK: One connection

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var reader = RequestReader(fd: fd)
        while let request = reader.next() {
            stats.withLock { $0.requests += 1 }
            guard let scenario = Scenario(path: request.path.dropFirst()) else {
                guard write(fd, responses.notFound) else { return }
                continue
            }
            guard respond(scenario, on: fd) else { return }
        }
    }

    /// Sends the response; `false` when the client went away.
    private func respond(_ scenario: Scenario, on fd: Int32) -> Bool {
        switch scenario {
        case .chat:
            return write(fd, responses.chat)
        case .delayed(let milliseconds):
            sleep(.milliseconds(milliseconds))
            return write(fd, responses.chat)
        case .stream(let milliseconds):
            guard write(fd, responses.streamHead) else { return false }
            let pause = Duration.milliseconds(milliseconds) / max(1, responses.streamEvents.count)
            for event in responses.streamEvents {
                sleep(pause)
                guard write(fd, event) else { return false }
            }
            return write(fd, responses.lastChunk)
        case .timedFirstEvent:
            guard write(fd, responses.streamHead) else { return false }
            sleep(Scenario.firstEventPause)
            let now = monotonicNanos()
            stats.withLock { $0.firstEventNanos = now }
            guard write(fd, responses.streamEvents[0]) else { return false }
            return write(fd, responses.streamRest)
        case .stats:
            let current = stats.withLock { stats -> ServerStats in
                stats.cpuSeconds = ResourceUsage.current().cpuSeconds
                return stats
            }
            let body = (try? JSONEncoder().encode(current)) ?? Data()
            return write(fd, PreparedResponses.whole(body, contentType: "application/json"))
        }
    }

    private func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var remaining = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        while true {
            let request = remaining
            guard nanosleep([request], &remaining) != 0, errno == EINTR else { return }
        }
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}

/// Every response the server sends, as bytes ready to write.
private struct PreparedResponses {
    let chat: [UInt8]
    let streamHead: [UInt8]
    /// One HTTP chunk per recorded event.
    let streamEvents: [[UInt8]]
    /// Every event after the first, then the last chunk, in one buffer.
    let streamRest: [UInt8]
    let lastChunk = Array("0\r\n\r\n".utf8)
    let notFound = PreparedResponses.whole(Data("unknown scenario\n".utf8), contentType: "text/plain", status: "404 Not Found")

    init(recorded: Recorded) {
        chat = Self.whole(recorded.chatResponse, contentType: "application/json")
        streamHead = Array("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        streamEvents = Generated.sseEvents(recorded.chatStream).map { event in
            Array((String(event.count, radix: 16) + "\r\n").utf8) + Array(event) + Array("\r\n".utf8)
        }
        streamRest = streamEvents.dropFirst().flatMap { $0 } + lastChunk
    }

    static func whole(_ body: Data, contentType: String, status: String = "200 OK") -> [UInt8] {
        Array("HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
    }
}

/// Reads requests off a connection: the head up to the blank line, then `Content-Length` bytes.
private struct RequestReader {
    struct Request {
        var path: Substring
    }

    let fd: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 64 << 10)

    init(fd: Int32) {
        self.fd = fd
    }

    /// The next request, or `nil` when the client closed the connection or sent something unreadable.
    mutating func next() -> Request? {
        var searchFrom = 0
        var headEnd: Int?
        while headEnd == nil {
            if let end = Self.blankLine(in: buffer, from: searchFrom) {
                headEnd = end
                break
            }
            searchFrom = max(0, buffer.count - 3)
            guard fill() else { return nil }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count >= 2 else { return nil }
        var bodyLength = 0
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                bodyLength = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        let total = headEnd + 4 + bodyLength
        while buffer.count < total {
            guard fill() else { return nil }
        }
        buffer.removeFirst(total)
        return Request(path: requestLine[1])
    }

    private mutating func fill() -> Bool {
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    private static func blankLine(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }
}
