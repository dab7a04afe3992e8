// Numbers: one scanner for every reader of the package. It checks the JSON grammar and collects the
// first 19 significant digits and a decimal exponent on the way, so integers need no text
// conversion, and embeddings' floats take a fast path that is exact in all but rare cases.

extension JSONReader {
    /// A number's text, checked against the grammar, with its leading digits.
    @usableFromInline
    struct ScannedNumber {
        @usableFromInline var start: Int
        @usableFromInline var negative: Bool
        /// The first (up to 19) significant digits: the value is `significand × 10^exponent`,
        /// give or take the digits beyond the 19th.
        @usableFromInline var significand: UInt64
        @usableFromInline var exponent: Int
        /// How many digits went into ``significand`` (leading zeros do not count).
        @usableFromInline var significantDigits: Int
        /// Digits beyond the 19th were left out of ``significand``.
        @usableFromInline var truncated: Bool
        /// Written without fraction or exponent.
        @usableFromInline var isInteger: Bool

        @inlinable
        init(start: Int, negative: Bool, significand: UInt64, exponent: Int, significantDigits: Int, truncated: Bool, isInteger: Bool) {
            self.start = start
            self.negative = negative
            self.significand = significand
            self.exponent = exponent
            self.significantDigits = significantDigits
            self.truncated = truncated
            self.isInteger = isInteger
        }
    }

    /// Reads a number as a ``JSONValue``: ``JSONValue/integer(_:)`` when it is written without
    /// fraction or exponent and fits in `Int64`, ``JSONValue/unsigned(_:)`` when such a number fits
    /// only in `UInt64`, else ``JSONValue/double(_:)`` (finite; larger magnitudes fail).
    ///
    /// ```swift
    /// let created = try reader.readNumber().intValue
    /// ```
    @inlinable
    @_spi(JSONReader) public mutating func readNumber() throws(Failure) -> JSONValue {
        skipWhitespace()
        let number = try scanNumber()
        if number.isInteger, !number.truncated {
            let magnitude = number.significand
            if !number.negative {
                return magnitude <= UInt64(Int64.max) ? .integer(Int64(magnitude)) : .unsigned(magnitude)
            }
            if magnitude <= UInt64(Int64.max) { return .integer(-Int64(magnitude)) }
            if magnitude == UInt64(Int64.max) + 1 { return .integer(.min) }
        }
        return try convert(number)
    }

    /// Reads a number and converts it to `Float` as Foundation's `JSONDecoder` does, bit for bit,
    /// refusing what it refuses (a magnitude outside `Float`'s range, or a non-zero number that
    /// rounds to zero).
    ///
    /// `JSONDecoder` converts the text with `strtof`: it rounds the exact decimal value once, to the
    /// nearest `Float`. Rounding through `Double` first rounds twice and differs when the `Double`
    /// lands exactly on a midpoint between two floats (`1.00000005960464477539062501`). The fast
    /// path computes a `Double` `d` from at most 19 significant digits with at most three correctly
    /// rounded operations, so `|d − x| < 4` ulps of `d`; `Float(d)` is then the correctly rounded
    /// `Float` of `x` unless a float midpoint lies within 4 ulps of `d`, which the check below
    /// detects (about 2 in 10⁷ inputs). Those, values outside the normal `Float` range and
    /// exponents beyond ±44 take the exact path: the standard library's correctly rounded parser.
    @inlinable @inline(__always)
    @_spi(JSONReader) public mutating func readFloat() throws(Failure) -> Float {
        skipWhitespace()
        let number = try scanNumber()
        if number.significand == 0 { return number.negative ? -0.0 : 0.0 }
        if let value = Self.fastFloat(number) { return value }
        return try exactFloat(number)
    }

    /// Reads an array of numbers as `Float`s (as ``readFloat()`` does), handing each to `body`, and
    /// returns how many there were: the embeddings decoder's inner loop, kept to one tight pass.
    @inlinable @inline(__always)
    @_spi(JSONReader) public mutating func readFloatArray(_ body: (Float) -> Void) throws(Failure) -> Int {
        try beginArray()
        atContainerStart = false
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return 0
        }
        var count = 0
        while true {
            body(try readFloat())
            count += 1
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","):
                offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                depth -= 1
                return count
            default:
                throw fail("expected ',' or ']' in an array of numbers, found \(found)")
            }
        }
    }

    /// Skips a number, failing exactly where reading it would, without converting it unless its
    /// magnitude could be out of range.
    @usableFromInline
    mutating func skipNumber() throws(Failure) {
        let number = try scanNumber()
        // Below 10^308 every number is a finite `Double` (or an exact integer).
        if number.significand == 0 || number.significantDigits &+ number.exponent <= 308 { return }
        _ = try convert(number)
    }

    /// Reads a number per the JSON grammar (no leading zeros, `+`, bare `.`, `NaN` or `Infinity`).
    /// One function with its state in locals: it runs for every float of an embedding.
    @inlinable @inline(__always)
    mutating func scanNumber() throws(Failure) -> ScannedNumber {
        let start = offset
        var negative = false, significand: UInt64 = 0, exponent = 0, digits = 0, truncated = false
        if peek == UInt8(ascii: "-") {
            negative = true
            offset += 1
        }
        switch peek {
        case UInt8(ascii: "0"):
            offset += 1
            if peek &- UInt8(ascii: "0") < 10 { throw fail("a number must not have leading zeros", at: start) }
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            while offset < count, case let digit = base[offset] &- UInt8(ascii: "0"), digit < 10 {
                if digits < 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    digits += 1
                } else {
                    exponent += 1
                    truncated = true
                }
                offset += 1
            }
        default:
            throw fail("expected a number, found \(found)")
        }
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            let fractionStart = offset
            while offset < count, case let digit = base[offset] &- UInt8(ascii: "0"), digit < 10 {
                // Eight digits at a time once past leading zeros, while the significand has room.
                if significand != 0, digits <= 11, offset + 8 <= count, let eight = eightDigits(at: offset) {
                    significand = significand &* 100_000_000 &+ eight
                    digits += 8
                    exponent -= 8
                    offset += 8
                    continue
                }
                if significand == 0 && digit == 0 {
                    exponent -= 1
                } else if digits < 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    digits += 1
                    exponent -= 1
                } else {
                    truncated = true
                }
                offset += 1
            }
            guard offset > fractionStart else { throw fail("expected a digit after the decimal point, found \(found)") }
        }
        if peek | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            var negativeExponent = false
            if peek == UInt8(ascii: "-") || peek == UInt8(ascii: "+") {
                negativeExponent = peek == UInt8(ascii: "-")
                offset += 1
            }
            let exponentStart = offset
            var written = 0
            while offset < count, case let digit = base[offset] &- UInt8(ascii: "0"), digit < 10 {
                // Saturates: anything this large is out of range for every type anyway.
                if written < 1_000_000 { written = written * 10 + Int(digit) }
                offset += 1
            }
            guard offset > exponentStart else { throw fail("expected a digit in the exponent, found \(found)") }
            exponent += negativeExponent ? -written : written
        }
        return ScannedNumber(
            start: start, negative: negative, significand: significand, exponent: exponent,
            significantDigits: digits, truncated: truncated, isInteger: isInteger
        )
    }

    /// The value of the eight ASCII digits at `position`, or `nil` if any of the bytes is not a
    /// digit (the caller checks that eight bytes remain).
    @inlinable @inline(__always)
    func eightDigits(at position: Int) -> UInt64? {
        let chunk = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
        // Each byte is 0x30...0x39: high nibble 3, and adding 6 does not carry out of the low nibble.
        guard chunk & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030,
              (chunk &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030
        else { return nil }
        // Pairwise combination (the first digit is the lowest byte): 8×1 → 4×2 → 2×4 → 1×8 digits.
        var value = chunk &- 0x3030_3030_3030_3030
        value = (value &* 10) &+ (value >> 8)
        let low: UInt64 = (value & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064     // × (100 + 10⁶·2³²)
        let high: UInt64 = ((value >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001   // × (1 + 10⁴·2³²)
        return (low &+ high) >> 32
    }

    /// The number scanned, converted exactly from its text.
    @usableFromInline
    func convert(_ number: ScannedNumber) throws(Failure) -> JSONValue {
        let text = self.text(of: number)
        if number.isInteger, let integer = Int64(text) { return .integer(integer) }
        if number.isInteger, let integer = UInt64(text) { return .unsigned(integer) }
        guard let double = Double(text), double.isFinite else { throw fail("number out of range", at: number.start) }
        return .double(double)
    }

    @usableFromInline
    func text(of number: ScannedNumber) -> String {
        String(decoding: UnsafeBufferPointer(start: base + number.start, count: offset - number.start), as: UTF8.self)
    }

    @usableFromInline
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inlinable @inline(__always)
    static func fastFloat(_ number: ScannedNumber) -> Float? {
        let exponent = number.exponent
        guard exponent >= -44 && exponent <= 44 else { return nil }
        var value = Double(number.significand)
        if exponent < 0 {
            if exponent < -22 {
                value /= 1e22
                value /= powersOfTen[-22 - exponent]
            } else {
                value /= powersOfTen[-exponent]
            }
        } else if exponent > 0 {
            if exponent > 22 {
                value *= 1e22
                value *= powersOfTen[exponent - 22]
            } else {
                value *= powersOfTen[exponent]
            }
        }
        let bits = value.bitPattern
        // Normal Float range with a binade of margin on each side: 2^-125 ≤ value < 2^127.
        let biasedExponent = bits >> 52
        guard biasedExponent >= 1023 - 125 && biasedExponent <= 1023 + 126 else { return nil }
        // The 29 bits below a Float's significand; 1 << 28 is the midpoint between two floats.
        let below = bits & 0x1FFF_FFFF
        let distance = below > 0x1000_0000 ? below - 0x1000_0000 : 0x1000_0000 - below
        guard distance > 64 else { return nil }
        let float = Float(value)
        return number.negative ? -float : float
    }

    @usableFromInline
    func exactFloat(_ number: ScannedNumber) throws(Failure) -> Float {
        let text = self.text(of: number)
        guard let value = Float(text), value.isFinite, value != 0 else {
            throw fail("the number \(text.prefix(40)) is outside the range of Float", at: number.start)
        }
        return value
    }
}
