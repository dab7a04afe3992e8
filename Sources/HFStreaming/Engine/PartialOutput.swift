/// The text of a stream so far, for ``HFError/partialOutput``, kept within a size: past it, the
/// start is dropped and only the last `limit` UTF-8 bytes (whole characters) are kept.
///
/// Trimming happens once the text reaches twice the limit, so each byte is moved at most once on
/// average and memory stays under twice the limit however long the stream runs.
struct PartialOutput {
    let limit: Int
    private var buffer = ""
    /// Text was dropped from the buffer already.
    private var trimmed = false

    init(limit: Int) {
        self.limit = limit
    }

    var isEmpty: Bool { buffer.isEmpty }

    /// `true` when ``text`` lacks the start of what was appended.
    var isTruncated: Bool { trimmed || buffer.utf8.count > limit }

    mutating func append(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 2 * limit { trim() }
    }

    /// The kept text: at most `limit` bytes, the latest ones.
    var text: String {
        var copy = self
        copy.trim()
        return copy.buffer
    }

    private mutating func trim() {
        let excess = buffer.utf8.count - limit
        guard excess > 0 else { return }
        // From the first character boundary at or after `excess` bytes in, so no character is cut.
        var start = buffer.utf8.index(buffer.utf8.startIndex, offsetBy: excess)
        while start < buffer.endIndex, start.samePosition(in: buffer) == nil { buffer.utf8.formIndex(after: &start) }
        buffer = String(buffer[start...])
        trimmed = true
    }
}
