import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deliberately dumb blocking HTTP/1.1 client over one TCP connection, for tests that need to see
/// the wire: chunk boundaries, resets, truncation, keep-alive reuse, and closing mid-response.
final class RawHTTPClient {
    struct Response {
        var status = 0
        var headers: [String: String] = [:]
        var body = Data()
        /// Chunk payloads as framed by the server (chunked responses only).
        var chunks: [Data] = []
        /// Whether the body ended as its framing said it would.
        var complete = false
        /// `errno` of the read that failed, e.g. `ECONNRESET`; `nil` if the stream just ended.
        var readError: Int32?

        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false

    init(port: Int, receiveTimeout seconds: Int = 15) throws {
        #if os(Linux)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            closeDescriptor(fd)
            throw Failure(description: "connect: \(errno)")
        }
    }

    deinit {
        if !closed { closeDescriptor(fd) }
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { raw in
                #if os(Linux)
                Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(fd, raw.baseAddress, raw.count, 0)
                #endif
            }
            guard written > 0 else { throw Failure(description: "send: \(errno)") }
            offset += written
        }
    }

    /// Sends a minimal request; `Host` is added, and `Content-Length` when there is a body.
    func sendRequest(_ method: String, _ target: String, headers: [String: String] = [:], body: Data? = nil) throws {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body { text += "Content-Length: \(body.count)\r\n" }
        text += "\r\n"
        var bytes = Array(text.utf8)
        if let body { bytes += body }
        try send(bytes)
    }

    /// Reads one response (a `100 Continue` counts as one). Never throws for a broken body: inspect
    /// `complete` and `readError`. Throws only when not even a status line arrives.
    func readResponse(headRequest: Bool = false) throws -> Response {
        var response = Response()
        guard let headEnd = try readUntil(Array("\r\n\r\n".utf8)) else {
            throw Failure(description: "connection ended before a response head")
        }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        response.status = statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            response.headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        if (100..<200).contains(response.status) || response.status == 204 || response.status == 304 || headRequest {
            response.complete = true
            return response
        }
        if response.headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                guard let lineEnd = try readUntil(Array("\r\n".utf8), into: &response) else { return response }
                let sizeLine = String(decoding: buffer[..<lineEnd], as: UTF8.self)
                buffer.removeFirst(lineEnd + 2)
                guard let size = Int(sizeLine, radix: 16) else { return response }
                if size == 0 {
                    guard try readUntil(Array("\r\n".utf8), into: &response) != nil else { return response }
                    buffer.removeFirst(2)
                    response.complete = true
                    return response
                }
                guard try fill(size + 2, into: &response) else {
                    response.body.append(contentsOf: buffer)
                    response.chunks.append(Data(buffer))
                    buffer.removeAll()
                    return response
                }
                response.chunks.append(Data(buffer[..<size]))
                response.body.append(contentsOf: buffer[..<size])
                buffer.removeFirst(size + 2)
            }
        }
        if let lengthText = response.headers["content-length"], let length = Int(lengthText) {
            let got = try fill(length, into: &response)
            let take = min(length, buffer.count)
            response.body.append(contentsOf: buffer[..<take])
            buffer.removeFirst(take)
            response.complete = got
            return response
        }
        // Close-delimited.
        while try receive(into: &response) {}
        response.body.append(contentsOf: buffer)
        buffer.removeAll()
        response.complete = response.readError == nil
        return response
    }

    /// Reads until the server closes; returns whether it did so cleanly (EOF rather than reset/timeout).
    func readUntilClosed() -> (clean: Bool, error: Int32?) {
        var scratch = Response()
        while (try? receive(into: &scratch)) == true {}
        return (scratch.readError == nil, scratch.readError)
    }

    /// One `recv` of whatever has arrived (kept for the next `readResponse`); the byte count, 0 at
    /// end of stream, -1 on error.
    func readSome() -> Int {
        var scratch = Response()
        let before = buffer.count
        guard (try? receive(into: &scratch)) == true else { return scratch.readError == nil ? 0 : -1 }
        return buffer.count - before
    }

    /// Closes normally (FIN).
    func close() {
        guard !closed else { return }
        closed = true
        closeDescriptor(fd)
    }

    // MARK: Reading

    private func readUntil(_ marker: [UInt8]) throws -> Int? {
        var scratch = Response()
        return try readUntil(marker, into: &scratch)
    }

    private func readUntil(_ marker: [UInt8], into response: inout Response) throws -> Int? {
        var searchFrom = 0
        while true {
            if buffer.count - marker.count >= searchFrom {
                for index in searchFrom...(buffer.count - marker.count)
                where buffer[index] == marker[0] && Array(buffer[index..<index + marker.count]) == marker {
                    return index
                }
                searchFrom = buffer.count - marker.count + 1
            }
            guard try receive(into: &response) else { return nil }
        }
    }

    private func fill(_ count: Int, into response: inout Response) throws -> Bool {
        while buffer.count < count {
            guard try receive(into: &response) else { return false }
        }
        return true
    }

    /// One `recv`; `false` at end of stream or on error (recorded in `readError`).
    private func receive(into response: inout Response) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if got > 0 {
            buffer.append(contentsOf: chunk[..<got])
            return true
        }
        if got < 0 {
            if errno == EINTR { return true }
            response.readError = errno
        }
        return false
    }
}

private func closeDescriptor(_ fd: Int32) {
    #if os(Linux)
    _ = Glibc.close(fd)
    #else
    _ = Darwin.close(fd)
    #endif
}
