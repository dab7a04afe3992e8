/// JSON numbers read straight from bytes into `Float`, with the result Foundation's `JSONDecoder`
/// gives for `Float`, bit for bit.
///
/// `JSONDecoder` (swift-foundation) converts the number text with `strtof`, i.e. rounds the exact
/// decimal value once, to nearest-even `Float`; it rejects text that overflows to infinity or that
/// underflows to zero without being zero. Rounding through `Double` first is not the same: it
/// rounds twice, and differs when the `Double` lands exactly on a midpoint between two floats
/// (e.g. `1.00000005960464477539062501`).
///
/// The fast path computes a `Double` approximation `d` of the value from at most 19 significant
/// digits and at most three correctly rounded operations, so `|d − x| < 4` units in the last place
/// of `d`. `Float(d)` is the correctly rounded `Float` of `x` unless a float midpoint lies between
/// `d` and `x`; since midpoints are `Double`s and rounding is monotonic, that needs `d` within
/// 4 ulps of a midpoint. Such `d` (about 2 in 10⁷ inputs), values outside the normal `Float` range,
/// and exponents beyond ±44 take the exact path: the standard library's correctly rounded parser.
extension ByteScanner {
    /// A number's text, checked against the JSON grammar, with its leading digits.
    struct NumberToken {
        var range: Range<Int>
        var negative: Bool
        /// The first (up to 19) significant digits.
        var significand: UInt64
        /// The value is `significand × 10^exponent`, give or take the digits beyond the 19th.
        var exponent: Int
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Reads a number per the JSON grammar (no leading zeros, `+`, bare `.`, `NaN` or `Infinity`).
    mutating func readNumber() throws(Failure) -> NumberToken {
        let start = index
        var token = NumberToken(range: start..<start, negative: false, significand: 0, exponent: 0)
        var digits = 0
        if peek == UInt8(ascii: "-") {
            token.negative = true
            index += 1
        }
        switch peek {
        case UInt8(ascii: "0"):
            index += 1
            if peek &- UInt8(ascii: "0") < 10 { throw fail("a number must not have leading zeros", at: start) }
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            while index < count, case let digit = base[index] &- UInt8(ascii: "0"), digit < 10 {
                if digits < 19 {
                    token.significand = token.significand &* 10 &+ UInt64(digit)
                    digits += 1
                } else {
                    token.exponent += 1
                }
                index += 1
            }
        default:
            throw fail("expected a number, found \(found)")
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count, case let digit = base[index] &- UInt8(ascii: "0"), digit < 10 {
                // Eight digits at a time once past leading zeros, while the significand has room.
                if token.significand != 0 && digits <= 11 && index + 8 <= count, let eight = eightDigits(at: index) {
                    token.significand = token.significand &* 100_000_000 &+ eight
                    digits += 8
                    token.exponent -= 8
                    index += 8
                    continue
                }
                if token.significand == 0 && digit == 0 {
                    token.exponent -= 1
                } else if digits < 19 {
                    token.significand = token.significand &* 10 &+ UInt64(digit)
                    digits += 1
                    token.exponent -= 1
                }
                index += 1
            }
            guard index > fractionStart else { throw fail("expected a digit after the decimal point, found \(found)") }
        }
        if peek | 0x20 == UInt8(ascii: "e") {
            index += 1
            var negativeExponent = false
            if peek == UInt8(ascii: "-") || peek == UInt8(ascii: "+") {
                negativeExponent = peek == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            var exponent = 0
            while index < count, case let digit = base[index] &- UInt8(ascii: "0"), digit < 10 {
                // Saturates: anything this large is out of range for every type anyway.
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(digit) }
                index += 1
            }
            guard index > exponentStart else { throw fail("expected a digit in the exponent, found \(found)") }
            token.exponent += negativeExponent ? -exponent : exponent
        }
        token.range = start..<index
        return token
    }

    /// The value of the eight ASCII digits at `offset`, or `nil` if any of the bytes is not a digit
    /// (the caller checks that eight bytes remain).
    @inline(__always)
    private func eightDigits(at offset: Int) -> UInt64? {
        let chunk = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
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

    /// Reads a number and converts it to `Float` as `JSONDecoder` would, refusing what it refuses.
    @inline(__always)
    mutating func readFloat() throws(Failure) -> Float {
        let token = try readNumber()
        if token.significand == 0 { return token.negative ? -0.0 : 0.0 }
        if let value = Self.fastFloat(token) { return value }
        return try exactFloat(token)
    }

    @inline(__always)
    private static func fastFloat(_ token: NumberToken) -> Float? {
        let exponent = token.exponent
        guard exponent >= -44 && exponent <= 44 else { return nil }
        var value = Double(token.significand)
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
        return token.negative ? -float : float
    }

    private func exactFloat(_ token: NumberToken) throws(Failure) -> Float {
        let text = String(decoding: UnsafeBufferPointer(start: base + token.range.lowerBound, count: token.range.count), as: UTF8.self)
        guard let value = Float(text), value.isFinite, value != 0 else {
            throw fail("the number \(text.prefix(40)) is outside the range of Float", at: token.range.lowerBound)
        }
        return value
    }
}
