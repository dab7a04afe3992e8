import Foundation

/// Writes ``JSONValue`` as compact UTF-8 JSON, keys in their stored order.
package enum JSONWriter {
    /// A `Double` that JSON cannot carry (NaN or an infinity), found while writing.
    package struct NonFiniteNumber: Error, Sendable, CustomStringConvertible {
        package let value: Double
        package var description: String { "JSON cannot carry the number \(value)" }
    }

    /// The JSON text of `value`; fails on NaN and infinities rather than writing invalid JSON.
    package static func write(_ value: JSONValue) throws(NonFiniteNumber) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        try append(value, to: &bytes, strict: true)
        return Data(bytes)
    }

    /// The JSON text of `value` for display, where NaN and infinities are written as Swift prints them.
    static func describe(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        // Cannot throw: non-strict writing accepts every number.
        try? append(value, to: &bytes, strict: false)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ value: JSONValue, to bytes: inout [UInt8], strict: Bool) throws(NonFiniteNumber) {
        switch value {
        case .null:
            bytes.append(contentsOf: "null".utf8)
        case .bool(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let integer):
            bytes.append(contentsOf: String(integer).utf8)
        case .unsigned(let integer):
            bytes.append(contentsOf: String(integer).utf8)
        case .double(let double):
            if strict, !double.isFinite { throw NonFiniteNumber(value: double) }
            // Swift prints the shortest text that reads back as the same `Double` ("0.7", "1e-05").
            bytes.append(contentsOf: double.description.utf8)
        case .string(let string):
            appendString(string, to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                try append(element, to: &bytes, strict: strict)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in object {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                appendString(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try append(member, to: &bytes, strict: strict)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escaping: their bytes are copied at once.
        let copied = string.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
