import Foundation

/// A complete request as parsed off the wire, before it is recorded as a ``ReceivedRequest``.
struct IncomingRequest {
    var method: String
    var target: String
    var version: String
    var fields: [(name: String, value: String)]
    var body = Data()
    var bodyWasChunked = false

    var parsedTarget: RequestTarget {
        RequestTarget(parsing: target)
    }

    func header(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    private var connectionTokens: [String] {
        fields.filter { $0.name.caseInsensitiveCompare("connection") == .orderedSame }
            .flatMap { $0.value.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// HTTP/1.0 connections always close after one response: the server does not negotiate
    /// 1.0 keep-alive.
    var wantsClose: Bool {
        version != "HTTP/1.1" || connectionTokens.contains("close")
    }

    /// Parses the head bytes (request line and header fields; trailing blank lines are ignored).
    /// Returns `nil` when the request line or a field is malformed.
    init?(head: ArraySlice<UInt8>) {
        // Split on LF bytes: as a String, "\r\n" is one Character and would not split on "\n".
        var lines = head.split(separator: 10, omittingEmptySubsequences: false).map { bytes in
            String(decoding: bytes.last == 13 ? bytes.dropLast() : bytes, as: UTF8.self)
        }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        guard let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        method = String(parts[0])
        target = String(parts[1])
        version = String(parts[2])
        fields = []
        for line in lines.dropFirst() where !line.isEmpty {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                // Obsolete line folding: continue the previous field.
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            fields.append((
                name: String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            ))
        }
    }
}
