import Foundation

/// A response ready to write: serialized head, body bytes and how to cut and frame them.
/// Built from a recorded response plus a ``ResponsePlan``; pure, so it is cheap to reason about.
struct PreparedResponse {
    var status: Int
    var head: [UInt8]
    /// Bytes to send after the head (empty for `HEAD`, 204, 304).
    var body: Data
    /// Consecutive, non-empty ranges covering `body`.
    var pieces: [Range<Int>]
    var chunked: Bool
    /// Whether anything (even an empty chunked body's terminator) follows the head.
    var hasBody: Bool
    /// Close the connection after delivery (also true for close-delimited bodies and faults).
    var closeAfter: Bool
    var plan: ResponsePlan

    /// Framing headers recorded from the live service; the server always sets its own.
    private static let framingHeaders: Set<String> = [
        "transfer-encoding", "content-length", "content-encoding", "connection", "keep-alive",
    ]

    /// - Parameters:
    ///   - body: the recorded body, already rewritten for the server (ignored when the plan says `.empty`).
    ///   - host: the host prefix the request arrived under, used to restore relative redirects.
    init(
        recorded response: RecordedResponse,
        body recordedBody: Data,
        plan: ResponsePlan,
        host: String,
        method: String,
        clientWantsClose: Bool,
        rewriter: URLRewriter
    ) {
        self.plan = plan
        status = plan.status ?? response.status

        var headers: [String: String] = [:]
        for (name, value) in response.headers where !Self.framingHeaders.contains(name.lowercased()) {
            headers[name.lowercased()] = value
        }
        var announceClose = true
        var extraWantsClose = false
        for (rawName, value) in plan.extraHeaders {
            let name = rawName.lowercased()
            if name == "connection" {
                if value.isEmpty { announceClose = false }
                if value.lowercased().contains("close") { extraWantsClose = true }
                continue
            }
            if name == "content-length" || name == "transfer-encoding" { continue }
            headers[name] = value.isEmpty ? nil : value
        }
        if (300..<400).contains(status), headers["location"] == nil, !response.isBinary,
           let restored = Self.redirectTarget(in: recordedBody) {
            headers["location"] = restored
        }
        if let location = headers["location"], location.hasPrefix("/"), !location.hasPrefix("//") {
            headers["location"] = "/" + host + location
        }
        for (name, value) in headers {
            headers[name] = rewriter.rewrite(value)
        }

        let bodyAllowed = !(100..<200).contains(status) && status != 204 && status != 304
        let fullBody = (plan.body == .empty || !bodyAllowed) ? Data() : recordedBody
        hasBody = bodyAllowed && method != "HEAD"
        body = hasBody ? fullBody : Data()

        let isEventStream = headers["content-type"]?.lowercased().hasPrefix("text/event-stream") ?? false
        var untilClose = false
        switch plan.framing {
        case .automatic:
            chunked = bodyAllowed && (isEventStream || plan.chunking != .whole || plan.delayBetweenChunks > .zero)
        case .chunked:
            chunked = bodyAllowed
        case .contentLength:
            chunked = false
        case .untilClose:
            chunked = false
            untilClose = bodyAllowed
        }
        closeAfter = clientWantsClose || untilClose || extraWantsClose || plan.fault != nil
            || plan.closeConnectionAfterResponse
        pieces = Self.pieces(of: body, chunking: plan.chunking)

        var text = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
        for name in headers.keys.sorted() {
            text += "\(name): \(headers[name]!)\r\n"
        }
        if chunked {
            text += "transfer-encoding: chunked\r\n"
        } else if !untilClose && bodyAllowed {
            text += "content-length: \(fullBody.count)\r\n"
        }
        if closeAfter && (announceClose || clientWantsClose) {
            text += "connection: close\r\n"
        }
        text += "\r\n"
        head = Array(text.utf8)
    }

    /// A plain-text answer from the server itself: the 599 for a request no rule matches, or a 4xx
    /// for a request it cannot parse.
    init(plainText: String, status: Int, clientWantsClose: Bool) {
        let text = Data(plainText.utf8)
        self.init(
            recorded: RecordedResponse(
                status: status,
                headers: ["content-type": "text/plain; charset=utf-8", "x-hfreplay-error": "1"],
                body: text
            ),
            body: text,
            plan: ResponsePlan(),
            host: "",
            method: "GET",
            clientWantsClose: clientWantsClose,
            rewriter: URLRewriter(base: "", hosts: [])
        )
    }

    /// The path named by a recorded redirect body such as `Temporary Redirect. Redirecting to /api/models/x`.
    static func redirectTarget(in body: Data) -> String? {
        guard let text = String(data: body, encoding: .utf8),
              let marker = text.range(of: "Redirecting to ") else { return nil }
        var target = text[marker.upperBound...].prefix { !$0.isWhitespace && $0 != "\"" && $0 != "<" }
        while target.hasSuffix(".") { target = target.dropLast() }
        return target.isEmpty ? nil : String(target)
    }

    static func pieces(of body: Data, chunking: ResponsePlan.Chunking) -> [Range<Int>] {
        let count = body.count
        guard count > 0 else { return [] }
        var cuts: [Int] = []
        switch chunking {
        case .whole:
            break
        case .fixed(let size):
            if size > 0 { cuts = Array(stride(from: size, to: count, by: size)) }
        case .splitAt(let offsets):
            cuts = Array(Set(offsets.filter { $0 > 0 && $0 < count })).sorted()
        case .perSSEEvent:
            body.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
                for index in 1..<count where bytes[index] == newline && index + 1 < count {
                    if bytes[index - 1] == newline
                        || (index >= 2 && bytes[index - 1] == carriageReturn && bytes[index - 2] == newline) {
                        cuts.append(index + 1)
                    }
                }
            }
        }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(cuts.count + 1)
        var start = 0
        for cut in cuts {
            ranges.append(start..<cut)
            start = cut
        }
        ranges.append(start..<count)
        return ranges
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 304: return "Not Modified"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 408: return "Request Timeout"
        case 413: return "Content Too Large"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        case 599: return "No Recorded Response"
        default: return "Status \(status)"
        }
    }
}
