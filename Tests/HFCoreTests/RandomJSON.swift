import HFCore
import HFTestSupport

/// Random JSON documents written from a random ``JSONValue``, so the value each must read as is
/// known: every kind of value, keys that repeat, strings with every kind of escape (short forms,
/// `\u` in either case, surrogate pairs) and raw UTF-8 up to four bytes, numbers of every JSON
/// form, and white space of every kind between tokens.
struct RandomJSON {
    var random: SplitMix64
    /// Whether objects are now and then written with a key twice (readers disagree on which wins).
    var repeatsKeys = true

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A document and the value it holds.
    mutating func document() -> (text: [UInt8], value: JSONValue) {
        let value = self.value(depth: 0)
        var text: [UInt8] = []
        space(&text)
        write(value, to: &text)
        space(&text)
        return (text, value)
    }

    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    mutating func value(depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth < 4 ? 9 : 7), using: &random) {
        case 0: return .null
        case 1: return .bool(chance(50))
        case 2: return .integer(integer())
        case 3: return chance(30) ? .unsigned(UInt64.random(in: UInt64(Int64.max) + 1 ... .max, using: &random)) : .double(double())
        case 4, 5: return .string(string())
        case 6: return .integer(Int64.random(in: -1000...1000, using: &random))
        case 7:
            return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) })
        default:
            var object = JSONObject()
            var keys: [String] = []
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                // Now and then a key repeats: the parser keeps its first place and last value.
                let key = !keys.isEmpty && chance(15) ? keys.randomElement(using: &random)! : string()
                keys.append(key)
                object[key] = value(depth: depth + 1)
            }
            return .object(object)
        }
    }

    mutating func integer() -> Int64 {
        let bits = Int.random(in: 0...63, using: &random)
        let magnitude = Int64.random(in: 0...(Int64.max >> (63 - bits)), using: &random)
        return chance(50) ? -magnitude : magnitude
    }

    mutating func double() -> Double {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return Double.random(in: -1...1, using: &random)
        case 1: return Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / 1000
        case 2: return ([0.0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 2.2250738585072014e-308, 1e22, 1e23] as [Double]).randomElement(using: &random)!
        default:
            // Any finite Double, from its bits.
            var value = Double(bitPattern: random.next())
            while !value.isFinite { value = Double(bitPattern: random.next()) }
            return value
        }
    }

    private static let characters: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}",
        "é", "ß", "\u{7FF}", "\u{800}", "€", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}",
    ]

    mutating func string() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            scalars.append(chance(60) ? Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &random)) : Self.characters.randomElement(using: &random)!)
        }
        return String(scalars)
    }

    // MARK: Writing

    private mutating func space(_ text: inout [UInt8]) {
        guard chance(30) else { return }
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            text.append([0x20, 0x0A, 0x0D, 0x09].randomElement(using: &random)!)
        }
    }

    mutating func write(_ value: JSONValue, to text: inout [UInt8]) {
        switch value {
        case .null: text += Array("null".utf8)
        case .bool(let flag): text += Array((flag ? "true" : "false").utf8)
        case .integer(let integer): text += Array(String(integer).utf8)
        case .unsigned(let integer): text += Array(String(integer).utf8)
        case .double(let double): writeNumber(double, to: &text)
        case .string(let string): write(string, to: &text)
        case .array(let elements):
            text.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                space(&text)
                write(element, to: &text)
                space(&text)
            }
            if elements.isEmpty { space(&text) }
            text.append(UInt8(ascii: "]"))
        case .object(let object):
            // Written with every repeated key the value was built with would need the history;
            // the object as it stands is enough, plus a repeat of its first key now and then,
            // first with a value the second replaces.
            text.append(UInt8(ascii: "{"))
            var first = true
            if repeatsKeys, let (key, _) = object.first(where: { _ in true }), chance(20) {
                write(key, to: &text)
                text.append(UInt8(ascii: ":"))
                write(.integer(0), to: &text)
                first = false
            }
            for (key, member) in object {
                if !first { text.append(UInt8(ascii: ",")) }
                first = false
                space(&text)
                write(key, to: &text)
                space(&text)
                text.append(UInt8(ascii: ":"))
                space(&text)
                write(member, to: &text)
                space(&text)
            }
            if object.isEmpty { space(&text) }
            text.append(UInt8(ascii: "}"))
        }
    }

    /// A `Double` in one of the forms JSON allows, read back exactly.
    private mutating func writeNumber(_ double: Double, to text: inout [UInt8]) {
        // Swift writes the shortest text that reads back exactly: "1.0", "5e-324", "1e+22".
        var written = double.description
        if chance(30), let e = written.firstIndex(of: "e") {
            written.replaceSubrange(e...e, with: "E")
        } else if chance(30), !written.contains("e") {
            written += "e0"
        }
        text += Array(written.utf8)
    }

    private mutating func write(_ string: String, to text: inout [UInt8]) {
        text.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += Array(#"\""#.utf8)
            case "\\": text += Array(#"\\"#.utf8)
            case "/" where chance(50): text += Array(#"\/"#.utf8)
            case "\n" where chance(70): text += Array(#"\n"#.utf8)
            case "\r" where chance(70): text += Array(#"\r"#.utf8)
            case "\t" where chance(70): text += Array(#"\t"#.utf8)
            case "\u{08}" where chance(70): text += Array(#"\b"#.utf8)
            case "\u{0C}" where chance(70): text += Array(#"\f"#.utf8)
            case _ where scalar.value < 0x20 || chance(15):
                writeEscaped(scalar, to: &text)
            default:
                text += Array(String(scalar).utf8)
            }
        }
        text.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX`, as a surrogate pair beyond the BMP, in lower or upper case hex.
    private mutating func writeEscaped(_ scalar: Unicode.Scalar, to text: inout [UInt8]) {
        let upper = chance(50)
        func unit(_ value: UInt32) -> [UInt8] {
            let hex = String(value, radix: 16, uppercase: upper)
            return Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        }
        if scalar.value < 0x10000 {
            text += unit(scalar.value)
        } else {
            let value = scalar.value - 0x10000
            text += unit(0xD800 + (value >> 10)) + unit(0xDC00 + (value & 0x3FF))
        }
    }
}
