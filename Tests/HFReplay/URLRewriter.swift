import Foundation

/// Rewrites absolute live-service URLs (`https://{host}`) to the replay server
/// (`http://127.0.0.1:PORT/{host}`), so follow-up requests a client derives from a response — polling
/// URLs, image URLs — land on the server too. Only hosts in `hosts` are touched; JSON-escaped
/// slashes (`https:\/\/host`) are handled as well.
struct URLRewriter: Sendable {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    let base: String
    /// Lower-case hosts to rewrite.
    let hosts: Set<String>

    /// The rewritten bytes, or `nil` when nothing needed rewriting.
    func rewrite(_ data: Data) -> Data? {
        guard !hosts.isEmpty else { return nil }
        return data.withUnsafeBytes { raw -> Data? in
            let bytes = raw.bindMemory(to: UInt8.self)
            return rewrite(bytes).map { Data($0) }
        }
    }

    /// `text` with matching URLs rewritten.
    func rewrite(_ text: String) -> String {
        guard !hosts.isEmpty, text.contains("https:") else { return text }
        return Array(text.utf8).withUnsafeBufferPointer { buffer in
            rewrite(buffer).map { String(decoding: $0, as: UTF8.self) } ?? text
        }
    }

    private static let https = Array("https:".utf8)
    private static let slashes = Array("//".utf8)
    private static let escapedSlashes = Array(#"\/\/"#.utf8)

    private func rewrite(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8]? = nil
        var copiedUpTo = 0
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "h"), Self.hasPrefix(Self.https, in: bytes, at: index) else {
                index += 1
                continue
            }
            let afterScheme = index + Self.https.count
            let escaped: Bool
            if Self.hasPrefix(Self.slashes, in: bytes, at: afterScheme) {
                escaped = false
            } else if Self.hasPrefix(Self.escapedSlashes, in: bytes, at: afterScheme) {
                escaped = true
            } else {
                index += 1
                continue
            }
            let hostStart = afterScheme + (escaped ? Self.escapedSlashes.count : Self.slashes.count)
            var hostEnd = hostStart
            while hostEnd < count, Self.isHostByte(bytes[hostEnd]) { hostEnd += 1 }
            while hostEnd > hostStart, bytes[hostEnd - 1] == UInt8(ascii: ".") { hostEnd -= 1 }
            let host = String(decoding: UnsafeBufferPointer(rebasing: bytes[hostStart..<hostEnd]), as: UTF8.self)
                .lowercased()
            guard hosts.contains(host) else {
                index = max(hostEnd, index + 1)
                continue
            }
            if output == nil {
                output = []
                output!.reserveCapacity(count + 256)
            }
            output!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<index]))
            let replacement = escaped
                ? base.replacingOccurrences(of: "/", with: #"\/"#) + #"\/"# + host
                : base + "/" + host
            output!.append(contentsOf: Array(replacement.utf8))
            copiedUpTo = hostEnd
            index = hostEnd
        }
        guard var result = output else { return nil }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<count]))
        return result
    }

    private static func hasPrefix(_ prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[start + offset] != prefix[offset] {
            return false
        }
        return true
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
