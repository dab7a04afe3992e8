import Foundation

/// The baseline SSE reader: split the bytes into lines, keep the payloads of `data:` lines, and
/// decode each with `JSONDecoder`. Bytes may arrive in any pieces; a partial line waits for the next.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// The `data:` payloads completed by `bytes`.
    mutating func feed(_ bytes: some Collection<UInt8>, _ payload: (ArraySlice<UInt8>) throws -> Void) rethrows {
        pending.append(contentsOf: bytes)
        var lineStart = 0
        var consumed = 0
        while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = pending[lineStart..<newline]
            if line.starts(with: Self.dataPrefix) {
                var value = line.dropFirst(Self.dataPrefix.count)
                if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                if value.last == UInt8(ascii: "\r") { value = value.dropLast() }
                if !value.elementsEqual(Self.done) { try payload(value) }
            }
            lineStart = newline + 1
            consumed = lineStart
        }
        pending.removeFirst(consumed)
    }

    private static let dataPrefix = Array("data:".utf8)
    private static let done = Array("[DONE]".utf8)
}
