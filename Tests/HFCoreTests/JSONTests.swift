import Foundation
import Testing
@_spi(JSONReader) import HFJSON

@testable import HFCore

@Suite("JSON parsing and ordered encoding")
struct JSONTests {
    @Test("object keys keep their order through parse and write")
    func keyOrder() throws {
        let text = JSONDocuments.keyOrder
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
        #expect(value["mid"]?.objectValue?.keys == ["b", "a"])
        #expect(value.description == text)
    }

    @Test("numbers: integers stay integers, others are doubles, all round-trip")
    func numbers() throws {
        let value = try JSONParser.parse(JSONDocuments.numbers)
        let elements = try #require(value.arrayValue)
        #expect(elements[0] == .integer(0))
        #expect(elements[1] == .integer(-7))
        #expect(elements[2] == .integer(9_007_199_254_740_993))
        #expect(elements[3] == .double(1.5))
        #expect(elements[4] == .double(-0.0025))
        #expect(elements[5] == .double(100))
        #expect(elements[6].doubleValue == 0.1)
    }

    @Test("string escapes, including surrogate pairs, decode to the same text Foundation reads")
    func escapes() throws {
        let text = JSONDocuments.escapes
        let ours = try #require(try JSONParser.parse(text).arrayValue).compactMap(\.stringValue)
        let foundation = try JSONDecoder().decode([String].self, from: Data(text.utf8))
        #expect(ours == foundation)
    }

    @Test("malformed documents fail with an offset, never crash", arguments: JSONDocuments.malformed)
    func malformed(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test("invalid UTF-8 in a string is refused, with and without escapes; ASCII and valid UTF-8 read", arguments: JSONDocuments.invalidUTF8)
    func invalidUTF8(_ bytes: [UInt8]) throws {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Data(bytes)) }
        #expect(try JSONParser.parse(Data([0x22, 0x61, 0x5C, 0x6E, 0xC3, 0xA9, 0x22])) == "a\né")
        #expect(try JSONParser.parse(Data([0x22, 0x61, 0x62, 0x22])) == "ab")
    }

    @Test("many members: order kept, a repeated key keeps its last value in its first place, past the table's threshold too")
    func manyMembers() throws {
        let members = (0..<40).map { "\"k\($0)\":\($0)" } + ["\"k3\":\"again\"", "\"k30\":\"again\""]
        let object = try #require(try JSONParser.parse("{" + members.joined(separator: ",") + "}").objectValue)
        #expect(object.keys == (0..<40).map { "k\($0)" })
        #expect(object["k3"] == "again" && object["k30"] == "again" && object["k39"] == 39)
    }

    @Test("nesting deeper than the cap is refused")
    func depthCap() {
        let deep = String(repeating: "[", count: JSONReader.maximumDepth + 1) + String(repeating: "]", count: JSONReader.maximumDepth + 1)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }

    struct Request: Encodable {
        var model = "m"
        var messages = ["hi"]
        var temperature: Double? = 0.7
        var maxTokens: Int?
        var nested = Nested()
        struct Nested: Encodable {
            var z = 1
            var a: Float = 0.1
        }
    }

    @Test("the encoder keeps declaration order and omits nil optionals")
    func encoderOrder() throws {
        let data = try JSONValueEncoder().encode(Request())
        #expect(String(decoding: data, as: UTF8.self) == #"{"model":"m","messages":["hi"],"temperature":0.7,"nested":{"z":1,"a":0.1}}"#)
    }

    @Test("the encoder refuses non-finite numbers")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([Double.nan]) }
    }

    @Test("control characters are escaped so the output parses back")
    func controlCharacters() throws {
        let original = "line\nbreak \u{01} tab\t quote\" slash\\"
        let data = try JSONValueEncoder().encode([original])
        #expect(try JSONParser.parse(data).arrayValue?.first?.stringValue == original)
    }

    @Test("integers above Int64.max stay exact; every integer and floating type encodes")
    func wideNumbers() throws {
        let value = try JSONParser.parse(JSONDocuments.wideNumbers)
        let elements = try #require(value.arrayValue)
        #expect(elements[0] == .unsigned(12_345_678_901_234_567_890))
        #expect(elements[0].uint64Value == 12_345_678_901_234_567_890)
        #expect(elements[1].uint64Value == .max)
        #expect(elements[2].uint64Value == nil)
        #expect(value.description.hasPrefix("[12345678901234567890,18446744073709551615,"))

        struct Numbers: Encodable {
            var a: UInt8 = 255
            var b: Int16 = -3
            var c: UInt32 = 4_000_000_000
            var d: UInt64 = 12_345_678_901_234_567_890
            var e: UInt = 7
            var f: Decimal = 1.5
        }
        let encoded = String(decoding: try JSONValueEncoder().encode(Numbers()), as: UTF8.self)
        #expect(encoded == #"{"a":255,"b":-3,"c":4000000000,"d":12345678901234567890,"e":7,"f":1.5}"#)
    }

    struct Containers: Encodable {
        enum Key: String, CodingKey { case a, n, url, data, small, tiny, x, y }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: .a)
            var first = container.nestedContainer(keyedBy: Key.self, forKey: .n)
            try first.encode("x", forKey: .x)
            try container.encode(URL(string: "https://example.com/a?b=1")!, forKey: .url)
            try container.encode(Data([0, 1, 2]), forKey: .data)
            try container.encode(Optional(Int8(-3)), forKey: .small)
            try container.encodeIfPresent(Optional<UInt16>.none, forKey: .tiny)
            var second = container.nestedContainer(keyedBy: Key.self, forKey: .n)
            try second.encode([Float(0.1), 2], forKey: .y)
            try container.encode("replaced", forKey: .a)
        }
    }

    @Test("a key set twice keeps its place and takes the last value; a nested container asked for twice is one object")
    func containers() throws {
        let encoded = String(decoding: try JSONValueEncoder().encode(Containers()), as: UTF8.self)
        #expect(encoded == #"{"a":"replaced","n":{"x":"x","y":[0.1,2.0]},"url":"https://example.com/a?b=1","data":"AAEC","small":-3}"#)
    }
}
