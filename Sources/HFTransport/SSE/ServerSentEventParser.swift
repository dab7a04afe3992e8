import Foundation

/// An incremental Server-Sent Events parser working on bytes as they arrive.
///
/// Follows the SSE framing the inference servers use: a line may be split anywhere across chunks;
/// CR, LF and CRLF all end a line (a CR ending one chunk and an LF starting the next are one line
/// end); a blank line ends an event; lines starting with `:` (comments, keep-alives) are skipped;
/// the `data:` lines of an event are joined with `\n`; one space after the colon is dropped;
/// `event:` sets the type and `id:` the last event id; other fields are ignored.
///
/// ```swift
/// var parser = ServerSentEventParser()
/// for try await chunk in body {
///     for event in parser.events(from: chunk) { … }
/// }
/// for event in parser.finish() { … }     // an event the stream ended without a blank line after
/// ```
///
/// Lines that arrive whole in one chunk are read in place; only a line split across chunks, and
/// the data of the event being read, are copied, into buffers that keep their capacity. Those
/// buffers never hold more than ``maximumEventSize`` bytes: an event that would pass it stops the
/// parser (``isOverLimit``), so memory stays bounded however long a stream runs.
public struct ServerSentEventParser: Sendable {
    /// The most bytes of data one event may hold; a line still arriving may hold a few more (its
    /// field name).
    public let maximumEventSize: Int
    /// `true` once an event passed ``maximumEventSize``; the parser then ignores further input.
    public private(set) var isOverLimit = false
    /// The start of a line whose end has not arrived yet.
    private var carried: [UInt8] = []
    private var spare: [UInt8] = []
    /// The data of the event being read.
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var lastEventID: String?
    /// The previous chunk ended with CR: an LF starting the next one belongs to the same line end.
    private var skipsLeadingLF = false
    private var atStart = true

    /// Creates a parser with nothing buffered.
    ///
    /// ```swift
    /// var parser = ServerSentEventParser(maximumEventSize: 1 << 20)
    /// let events = parser.events(from: Data("data: hi\n\n".utf8))
    /// ```
    /// - Parameter maximumEventSize: the most bytes buffered for one event; unlimited by default.
    public init(maximumEventSize: Int = .max) {
        self.maximumEventSize = maximumEventSize
    }

    /// The events completed by `chunk`, in order.
    public mutating func events(from chunk: Data) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        chunk.withUnsafeBytes { bytes in
            feed(bytes) { events.append($0.event) }
        }
        return events
    }

    /// Call at the end of the input: an event whose data arrived but that was not closed by a
    /// blank line, if any. Such an event may be cut short; the caller decides whether to trust it.
    public mutating func finish() -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        finish { events.append($0.event) }
        return events
    }

    /// Feeds bytes and calls `onEvent` for each event they complete. The event's bytes are valid
    /// only during the call.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer, _ onEvent: (RawServerSentEvent) throws -> Void) rethrows {
        guard !isOverLimit else { return }
        let count = bytes.count
        var index = 0
        if skipsLeadingLF, count > 0 {
            skipsLeadingLF = false
            if bytes[0] == Self.lf { index = 1 }
        }
        var lineStart = index
        // Servers end lines with LF; only a chunk that holds a CR needs the byte-by-byte search.
        let hasCR = bytes.baseAddress.map { memchr($0, Int32(Self.cr), count) != nil } ?? false
        while index < count {
            index = Self.lineEnd(in: bytes, from: index, hasCR: hasCR)
            guard index < count else { break }
            let byte = bytes[index]
            let piece = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<index])
            if carried.isEmpty {
                try readLine(piece, onEvent)
            } else {
                carried.append(contentsOf: piece)
                var whole: [UInt8] = []
                swap(&whole, &carried)
                try whole.withUnsafeBytes { try readLine($0, onEvent) }
                whole.removeAll(keepingCapacity: true)
                swap(&whole, &carried)
            }
            if isOverLimit { return }
            index += 1
            if byte == Self.cr {
                if index < count {
                    if bytes[index] == Self.lf { index += 1 }
                } else {
                    skipsLeadingLF = true
                }
            }
            lineStart = index
        }
        if lineStart < count {
            // The line still arriving carries its field name too, hence the allowance.
            guard carried.count + data.count + (count - lineStart) - Self.fieldAllowance <= maximumEventSize else { return overflow() }
            carried.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<count]))
        }
    }

    /// An event passed the limit: its buffers are freed and further input ignored.
    private mutating func overflow() {
        isOverLimit = true
        carried = []
        data = []
        hasData = false
    }

    /// Ends the input: a last line without its line end is read, and an event left open is
    /// delivered with ``RawServerSentEvent/isComplete`` `false`.
    package mutating func finish(_ onEvent: (RawServerSentEvent) throws -> Void) rethrows {
        guard !isOverLimit else { return }
        if !carried.isEmpty {
            var last: [UInt8] = []
            swap(&last, &carried)
            try last.withUnsafeBytes { try readLine($0, onEvent) }
        }
        skipsLeadingLF = false
        try dispatch(isComplete: false, onEvent)
    }

    private mutating func readLine(_ line: UnsafeRawBufferPointer, _ onEvent: (RawServerSentEvent) throws -> Void) rethrows {
        var line = line
        if atStart {
            atStart = false
            // A byte-order mark may open the stream.
            if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
                line = UnsafeRawBufferPointer(rebasing: line[3...])
            }
        }
        guard let first = line.first else {
            return try dispatch(isComplete: true, onEvent)
        }
        if first == Self.colon { return }
        let colon = line.firstIndex(of: Self.colon) ?? line.count
        let name = UnsafeRawBufferPointer(rebasing: line[..<colon])
        var valueStart = Swift.min(colon + 1, line.count)
        if valueStart < line.count, line[valueStart] == Self.space { valueStart += 1 }
        let value = UnsafeRawBufferPointer(rebasing: line[valueStart...])
        if Self.equals(name, "data") {
            guard data.count + (hasData ? 1 : 0) + value.count <= maximumEventSize else { return overflow() }
            if hasData { data.append(Self.lf) }
            data.append(contentsOf: value)
            hasData = true
        } else if Self.equals(name, "event") {
            eventType = String(decoding: value, as: UTF8.self)
        } else if Self.equals(name, "id"), !value.contains(0) {
            lastEventID = String(decoding: value, as: UTF8.self)
        }
    }

    private mutating func dispatch(isComplete: Bool, _ onEvent: (RawServerSentEvent) throws -> Void) rethrows {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
        }
        guard hasData else { return }
        let type = eventType
        let id = lastEventID
        try data.withUnsafeBytes { bytes in
            try onEvent(RawServerSentEvent(type: type, id: id, data: bytes, isComplete: isComplete))
        }
    }

    /// The offset of the first line end (CR or LF) at or after `start`, or the end of `bytes`.
    private static func lineEnd(in bytes: UnsafeRawBufferPointer, from start: Int, hasCR: Bool) -> Int {
        guard !hasCR else {
            var index = start
            while index < bytes.count, bytes[index] != lf, bytes[index] != cr { index += 1 }
            return index
        }
        guard let base = bytes.baseAddress, let found = memchr(base + start, Int32(lf), bytes.count - start) else { return bytes.count }
        return base.distance(to: UnsafeRawPointer(found))
    }

    private static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        for offset in 0..<bytes.count where bytes[offset] != text.utf8Start[offset] {
            return false
        }
        return true
    }

    /// Bytes a line may hold beyond the event's data: `data: ` and the like.
    private static let fieldAllowance = 64
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")
    private static let colon = UInt8(ascii: ":")
    private static let space = UInt8(ascii: " ")
}

/// An event as the parser hands it over, its data borrowed from the parser's buffer.
package struct RawServerSentEvent {
    /// The `event:` field, if the event had one.
    package let type: String?
    package let id: String?
    /// Valid only during the callback.
    package let data: UnsafeRawBufferPointer
    /// `false` for an event left open when the input ended (it may be cut short).
    package let isComplete: Bool

    /// `true` when the data is `[DONE]`, white space around it ignored.
    package var isDone: Bool {
        var start = 0
        var end = data.count
        while start < end, Self.isSpace(data[start]) { start += 1 }
        while end > start, Self.isSpace(data[end - 1]) { end -= 1 }
        guard end - start == 6 else { return false }
        return zip(data[start..<end], "[DONE]".utf8).allSatisfy { $0 == $1 }
    }

    /// `true` when the data is empty or only white space: a keep-alive, skipped like a comment.
    package var isBlank: Bool {
        data.allSatisfy(Self.isSpace)
    }

    /// A copy that outlives the callback.
    package var event: ServerSentEvent {
        ServerSentEvent(type: type ?? "message", data: String(decoding: data, as: UTF8.self), id: id)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
