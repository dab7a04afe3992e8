// Strings: read in place when they have no escapes (the common case on this wire), through a
// reused scratch buffer when they do. Either way the result is checked to be valid UTF-8.

extension JSONReader {
    /// Reads a string.
    @inlinable
    @_spi(JSONReader) public mutating func readString() throws(Failure) -> String {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { throw expected("a string") }
        let scanned = try scanString()
        if scanned.escaped {
            return try makeScratchString(ascii: scanned.ascii)
        }
        return try makeString(UnsafeBufferPointer(start: base + scanned.start, count: scanned.end - scanned.start), ascii: scanned.ascii)
    }

    /// Skips a string, checking it as ``readString()`` would; builds nothing for plain ASCII.
    @usableFromInline
    mutating func skipString() throws(Failure) {
        let scanned = try scanString()
        if scanned.ascii { return }
        if scanned.escaped {
            _ = try makeScratchString(ascii: false)
        } else {
            _ = try makeString(UnsafeBufferPointer(start: base + scanned.start, count: scanned.end - scanned.start), ascii: false)
        }
    }

    /// A member name: in place when it is plain ASCII without escapes, else decoded.
    @inlinable
    mutating func readKey() throws(Failure) -> JSONKey {
        let scanned = try scanString()
        if !scanned.escaped, scanned.ascii {
            return JSONKey(start: base + scanned.start, count: scanned.end - scanned.start)
        }
        let name = scanned.escaped
            ? try makeScratchString(ascii: scanned.ascii)
            : try makeString(UnsafeBufferPointer(start: base + scanned.start, count: scanned.end - scanned.start), ascii: false)
        return JSONKey(decoded: name)
    }

    /// `bytes` as a string; `ascii` says they are all below 0x80, so need no validation.
    @inlinable
    func makeString(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) throws(Failure) -> String {
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
        return string
    }

    /// The unescaped string in ``scratch``.
    @usableFromInline
    func makeScratchString(ascii: Bool) throws(Failure) -> String {
        try scratch.withUnsafeBufferPointer { bytes throws(Failure) in try makeString(bytes, ascii: ascii) }
    }

    /// Reads the string at the reader (on its opening quote) through its closing quote. Without
    /// escapes its bytes are `start..<end` in place; with escapes, the unescaped bytes are in
    /// ``scratch``. `ascii` is `true` when every byte written raw is below 0x80 (escapes always
    /// produce valid UTF-8, so then the result needs no validation).
    @inlinable
    mutating func scanString() throws(Failure) -> (start: Int, end: Int, escaped: Bool, ascii: Bool) {
        offset += 1
        let start = offset
        // Every raw byte OR-ed together: below 0x80 means pure ASCII.
        var seen: UInt8 = 0
        while offset < count {
            let byte = base[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return (start, offset - 1, false, seen < 0x80)
            }
            if byte == UInt8(ascii: "\\") {
                let ascii = try scanEscapedString(from: start, seen: seen)
                return (start, offset - 1, true, ascii)
            }
            if byte < 0x20 { throw fail("control character in a string") }
            seen |= byte
            offset += 1
        }
        throw fail("unterminated string, found the end of the input")
    }

    /// The rest of a string from its first escape, unescaped into ``scratch``.
    @usableFromInline
    mutating func scanEscapedString(from start: Int, seen: UInt8) throws(Failure) -> Bool {
        var seen = seen
        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        while offset < count {
            let byte = base[offset]
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else {
                seen |= byte
                offset += 1
                continue
            }
            // Plain bytes are copied a run at a time.
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: offset - runStart))
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return seen < 0x80
            case UInt8(ascii: "\\"):
                offset += 1
                try appendEscape()
                runStart = offset
            default:
                throw fail("control character in a string")
            }
        }
        throw fail("unterminated string, found the end of the input")
    }

    /// Unescapes the escape after a backslash into ``scratch``.
    mutating func appendEscape() throws(Failure) {
        guard offset < count else { throw fail("unterminated escape, found the end of the input") }
        let byte = base[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard offset + 1 < count, base[offset] == UInt8(ascii: "\\"), base[offset + 1] == UInt8(ascii: "u")
                else { throw fail("unpaired surrogate") }
                offset += 2
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw fail("unpaired surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid code point") }
            UTF8.encode(unicode) { scratch.append($0) }
        default:
            throw fail("invalid escape")
        }
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard offset + 4 <= count else { throw fail("unterminated \\u escape, found the end of the input") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = base[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }
}
