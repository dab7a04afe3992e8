extension JSONReader {
    /// Reads a number as ``JSONParser`` does: ``JSONValue/integer(_:)`` when it is written without
    /// fraction or exponent and fits in `Int64`, ``JSONValue/unsigned(_:)`` when such a number
    /// fits only in `UInt64`, else ``JSONValue/double(_:)`` (finite; larger magnitudes fail).
    ///
    /// ```swift
    /// let created = try reader.readNumber().intValue
    /// ```
    @inlinable
    public mutating func readNumber() throws(Failure) -> JSONValue {
        skipWhitespace()
        let number = try scanNumber()
        // Up to 18 digits cannot overflow; longer integers take the exact text path.
        if number.isInteger, number.digits <= 18 {
            let value = Int64(number.magnitude)
            return .integer(number.negative ? -value : value)
        }
        return try convert(number)
    }

    /// Skips a number, failing exactly where reading it would, without converting it unless its
    /// magnitude could be out of range.
    @usableFromInline
    mutating func skipNumber() throws(Failure) {
        let number = try scanNumber()
        // Below 10^308 every number is a finite `Double` (or an exact integer).
        if number.digits &+ number.exponent <= 308 { return }
        _ = try convert(number)
    }

    /// A number's text, checked against the grammar, with what the fast paths need.
    @usableFromInline
    struct ScannedNumber {
        @usableFromInline var start: Int
        @usableFromInline var negative = false
        /// The integer part's value while it has at most 18 digits.
        @usableFromInline var magnitude: UInt64 = 0
        /// How many digits the integer part has.
        @usableFromInline var digits = 0
        @usableFromInline var isInteger = true
        /// The exponent's value (saturated far beyond any `Double`), 0 when there is none.
        @usableFromInline var exponent = 0

        @inlinable init(start: Int) {
            self.start = start
        }
    }

    /// Reads a number per the JSON grammar (no leading zeros, `+`, bare `.`, `NaN` or `Infinity`).
    @inlinable
    mutating func scanNumber() throws(Failure) -> ScannedNumber {
        var number = ScannedNumber(start: offset)
        if peek == UInt8(ascii: "-") {
            number.negative = true
            offset += 1
        }
        guard offset < count else { throw fail("unexpected end of input in a number") }
        switch base[offset] {
        case UInt8(ascii: "0"):
            number.digits = 1
            offset += 1
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            while offset < count, case let digit = base[offset] &- UInt8(ascii: "0"), digit < 10 {
                number.magnitude = number.magnitude &* 10 &+ UInt64(digit)
                number.digits += 1
                offset += 1
            }
        default:
            throw fail("invalid number")
        }
        if offset < count, base[offset] == UInt8(ascii: ".") || base[offset] == UInt8(ascii: "e") || base[offset] == UInt8(ascii: "E") {
            try scanNumberTail(&number)
        }
        return number
    }

    /// The fraction and exponent of a number.
    @usableFromInline
    mutating func scanNumberTail(_ number: inout ScannedNumber) throws(Failure) {
        number.isInteger = false
        if offset < count, base[offset] == UInt8(ascii: ".") {
            offset += 1
            let digitsStart = offset
            while offset < count, base[offset] &- UInt8(ascii: "0") < 10 { offset += 1 }
            guard offset > digitsStart else { throw fail("expected digits after '.'") }
        }
        if offset < count, base[offset] == UInt8(ascii: "e") || base[offset] == UInt8(ascii: "E") {
            offset += 1
            var sign = 1
            if offset < count, base[offset] == UInt8(ascii: "+") || base[offset] == UInt8(ascii: "-") {
                if base[offset] == UInt8(ascii: "-") { sign = -1 }
                offset += 1
            }
            let digitsStart = offset
            var exponent = 0
            while offset < count, case let digit = base[offset] &- UInt8(ascii: "0"), digit < 10 {
                exponent = min(exponent &* 10 &+ Int(digit), 1_000_000)
                offset += 1
            }
            guard offset > digitsStart else { throw fail("expected digits in the exponent") }
            number.exponent = sign * exponent
        }
    }

    /// The number scanned, converted exactly from its text.
    @usableFromInline
    func convert(_ number: ScannedNumber) throws(Failure) -> JSONValue {
        let text = String(decoding: UnsafeBufferPointer(start: base + number.start, count: offset - number.start), as: UTF8.self)
        if number.isInteger, let integer = Int64(text) { return .integer(integer) }
        if number.isInteger, let integer = UInt64(text) { return .unsigned(integer) }
        guard let double = Double(text), double.isFinite else { throw fail("number out of range") }
        return .double(double)
    }
}
