import Foundation
import HFReplay
@_spi(JSONReader) import HFTestSupport
import Testing
@_spi(JSONReader) import HFJSON

@testable import HFCore

/// The pull reader reads every document exactly as `JSONParser` does (same values, same
/// successes and failures), skips exactly what it would read, and fails on broken input with an
/// offset, never a crash.
@Suite("JSON reader")
struct JSONReaderTests {
    // MARK: Oracles

    /// Reads a document through the typed decoding API (members, arrays, typed reads), not through
    /// ``JSONReader/readValue()`` which the parser uses: two independent paths over the reader.
    static func decodeAny(_ reader: inout JSONReader) throws(JSONDecodingError) -> JSONValue {
        switch try reader.syntax({ reader throws(JSONSyntaxError) in try reader.peekKind() }) {
        case .object:
            var object = JSONObject()
            try reader.decodeMembers { reader, key throws(JSONDecodingError) in
                object[key.string] = try decodeAny(&reader)
                return true
            }
            return .object(object)
        case .array:
            return .array(try reader.decodeArray { reader throws(JSONDecodingError) in try decodeAny(&reader) } ?? [])
        case .string:
            return .string(try reader.decodeString() ?? "")
        case .number:
            return try reader.syntax { reader throws(JSONSyntaxError) in try reader.readNumber() }
        case .bool:
            return .bool(try reader.decodeBool() ?? false)
        case .null:
            #expect(try reader.decodeNull())
            return .null
        }
    }

    /// What each way of reading makes of `bytes`: the decoding API's value, the parser's value,
    /// and whether skipping the document succeeds; failures as `nil`.
    static func readings(_ bytes: [UInt8]) -> (decoded: JSONValue?, parsed: JSONValue?, skipped: Bool) {
        bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer)
            let decoded = try? decodeAny(&reader)
            let finished = (try? reader.finish()) != nil
            var skipper = JSONReader(buffer)
            let skipped = (try? skipper.skipValue()) != nil && (try? skipper.finish()) != nil
            return (finished ? decoded : nil, try? JSONParser.parse(buffer), skipped)
        }
    }

    // MARK: Documents

    @Test("every document of the parser's tests reads the same through the reader's typed API", arguments: JSONDocuments.wellFormed)
    func parserDocuments(_ text: String) throws {
        let readings = Self.readings(Array(text.utf8))
        let parsed = try #require(readings.parsed)
        #expect(readings.decoded == parsed)
        #expect(readings.skipped)
    }

    @Test("every malformed document fails every way of reading it", arguments: JSONDocuments.malformed)
    func malformed(_ text: String) {
        let readings = Self.readings(Array(text.utf8))
        #expect(readings.decoded == nil)
        #expect(readings.parsed == nil)
        #expect(!readings.skipped)
    }

    @Test("invalid UTF-8 fails reading and skipping, in values and in keys", arguments: JSONDocuments.invalidUTF8)
    func invalidUTF8(_ string: [UInt8]) {
        for document in [string, Array("[1,".utf8) + string + Array("]".utf8), Array("{".utf8) + string + Array(":1}".utf8)] {
            let readings = Self.readings(document)
            #expect(readings.decoded == nil)
            #expect(readings.parsed == nil)
            #expect(!readings.skipped)
        }
    }

    @Test("escapes that are cut short or invalid fail", arguments: [
        #""\u12""#, #""\u12G4""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800\""#, #""\"#, #""\q""#, "\"a\u{01}b\"",
    ])
    func badEscapes(_ text: String) {
        let readings = Self.readings(Array(text.utf8))
        #expect(readings.decoded == nil)
        #expect(readings.parsed == nil)
        #expect(!readings.skipped)
    }

    @Test("nesting to the cap reads; one level deeper fails every way, for arrays and objects")
    func depth() {
        for (open, close) in [("[", "]"), (#"{"a":"#, "}")] {
            let deepest = String(repeating: open, count: JSONReader.maximumDepth) + "1" + String(repeating: close, count: JSONReader.maximumDepth)
            let allowed = Self.readings(Array(deepest.utf8))
            #expect(allowed.decoded != nil && allowed.decoded == allowed.parsed && allowed.skipped)
            let tooDeep = open + deepest + close
            let refused = Self.readings(Array(tooDeep.utf8))
            #expect(refused.decoded == nil && refused.parsed == nil && !refused.skipped)
        }
    }

    @Test("a failure carries the offset of the byte that is wrong")
    func offsets() {
        for (text, offset) in [("[1, 2, x]", 7), (#"{"a": tru}"#, 6), (#"{"a" 1}"#, 5), ("[1 2]", 3), (#""ab"#, 3)] {
            let failure = Array(text.utf8).withUnsafeBytes { bytes -> JSONSyntaxError? in
                var reader = JSONReader(bytes)
                do throws(JSONSyntaxError) {
                    try reader.skipValue()
                    try reader.finish()
                    return nil
                } catch {
                    return error
                }
            }
            #expect(failure?.offset == offset, "\(text): \(String(describing: failure))")
        }
    }

    @Test("a number too large for a Double fails whether read or skipped; long exact integers read")
    func numberRange() {
        for text in ["1e400", "-1e309", #"{"skipped": 1e400}"#, "[" + String(repeating: "9", count: 400) + "]"] {
            let readings = Self.readings(Array(text.utf8))
            #expect(readings.parsed == nil && readings.decoded == nil && !readings.skipped, "\(text)")
        }
        for text in ["1e-400", "123456789012345678901234567890", "1e308", "0.1e309", "-9223372036854775808"] {
            let readings = Self.readings(Array(text.utf8))
            #expect(readings.parsed != nil && readings.decoded == readings.parsed && readings.skipped, "\(text)")
        }
    }

    // MARK: Random documents

    @Test("random documents (seeded) read as the value they were written from, every way")
    func randomDocuments() throws {
        var generator = RandomJSON(seed: 0x5EED_0001)
        for _ in 0..<2000 {
            let (text, value) = generator.document()
            let readings = Self.readings(text)
            #expect(readings.parsed == value, "\(String(decoding: text, as: UTF8.self))")
            #expect(readings.decoded == value, "\(String(decoding: text, as: UTF8.self))")
            #expect(readings.skipped)
        }
    }

    @Test("random documents with bytes changed, dropped or added: every way of reading agrees, none crashes")
    func mutatedDocuments() {
        var generator = RandomJSON(seed: 0x5EED_0002)
        var random = SplitMix64(seed: 0x5EED_0003)
        var failures = 0
        for _ in 0..<3000 {
            var text = generator.document().text
            for _ in 0...Int.random(in: 0...2, using: &random) where !text.isEmpty {
                let index = Int.random(in: 0..<text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text[index] = UInt8.random(in: 0...255, using: &random)
                case 1: text.remove(at: index)
                default: text.insert(Array(#"{}[]",:\ 0e-."#.utf8).randomElement(using: &random)!, at: index)
                }
            }
            let readings = Self.readings(text)
            #expect(readings.decoded == readings.parsed, "\(text)")
            #expect(readings.skipped == (readings.parsed != nil), "\(text)")
            if readings.parsed == nil { failures += 1 }
        }
        // The mutations must actually break documents for this to test failures.
        #expect(failures > 1000)
    }

    @Test("every cut of a recorded stream event and of a recorded chat reply fails, never crashes")
    func truncated() async throws {
        let stream = try RecordedCase.load("TestInferenceClient.test_chat_completion_with_stream_together_conversational")
        let body = try #require(stream.inferenceInteraction?.response.body)
        let events = String(decoding: body, as: UTF8.self).components(separatedBy: "\n\n")
            .compactMap { $0.hasPrefix("data: {") ? Array($0.dropFirst(6).utf8) : nil }
        let reply = try #require(RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_together_conversational").inferenceInteraction?.response.body)
        try #require(events.count > 5)
        let documents = events.prefix(3) + [Array(reply)]
        // Thousands of failures: worked off the test runner's small pool, then checked once.
        let misread = try await offCooperativePool { () -> [String] in
            var misread: [String] = []
            for document in documents {
                if Self.readings(document).parsed == nil { misread.append("the whole document failed") }
                for length in 0..<document.count {
                    let readings = Self.readings(Array(document[..<length]))
                    if readings.decoded != nil || readings.parsed != nil || readings.skipped { misread.append("cut at \(length) read") }
                }
            }
            return misread
        }
        #expect(misread.isEmpty, "\(misread.prefix(5))")
    }

    // MARK: Keys and typed reads

    @Test("keys match names whether written plainly or with escapes")
    func keys() throws {
        let text = #"{"id": 1, "\u0069d": 2, "i\u0064x": 3, "ünï": 4}"#
        var matched: [String] = []
        try Array(text.utf8).withUnsafeBytes { bytes in
            var reader = JSONReader(bytes)
            try reader.beginObject()
            while let key = try reader.nextKey() {
                switch key {
                case "id": matched.append("id")
                case "idx": matched.append("idx")
                default: matched.append(key.string)
                }
                try reader.skipValue()
            }
            try reader.finish()
        }
        #expect(matched == ["id", "id", "idx", "ünï"])
    }

    struct Sample: JSONReadable, Equatable {
        var count: Int?
        var seed: UInt64?
        var ratio: Double?
        var flag: Bool?
        var tags: [String?]?

        init(reading reader: inout JSONReader) throws(JSONDecodingError) {
            try reader.decodeMembers { reader, key throws(JSONDecodingError) in
                switch key {
                case "count": count = try reader.decodeInt()
                case "seed": seed = try reader.decodeUInt64()
                case "ratio": ratio = try reader.decodeDouble()
                case "flag": flag = try reader.decodeBool()
                case "tags": tags = try reader.decodeArray { reader throws(JSONDecodingError) in try reader.decodeString() }
                default: return false
                }
                return true
            }
        }
    }

    @Test("typed reads: null is nil, whole doubles are integers, unknown members are skipped")
    func typedReads() throws {
        let sample = try Sample(json: Data(#"{"count": 3.0, "seed": 18446744073709551615, "ratio": 2, "flag": null, "tags": ["a", null], "other": {"x": [1]}}"#.utf8))
        #expect(sample.count == 3)
        #expect(sample.seed == .max)
        #expect(sample.ratio == 2)
        #expect(sample.flag == nil)
        #expect(sample.tags == ["a", nil])
    }

    @Test("a value of another type is a shape error naming its path", arguments: [
        (#"{"count": 1.5}"#, "count"), (#"{"count": "1"}"#, "count"), (#"{"seed": -1}"#, "seed"), (#"{"ratio": "x"}"#, "ratio"),
        (#"{"flag": 0}"#, "flag"), (#"{"tags": ["a", 1]}"#, "tags[1]"), (#"{"tags": {}}"#, "tags"), (#"[]"#, ""),
    ])
    func shapeErrors(_ text: String, _ path: String) {
        let error = #expect(throws: JSONDecodingError.self) { try Sample(json: Data(text.utf8)) }
        #expect(error?.shape?.path == path)
    }

    @Test("broken JSON is a syntax error with its offset, also after a value that decoded", arguments: [
        (#"{"count": 1"#, 11), (#"{"count": 1} x"#, 13), (#"{"other": [1,], "count": 1}"#, 13),
    ])
    func syntaxErrors(_ text: String, _ offset: Int) {
        let error = #expect(throws: JSONDecodingError.self) { try Sample(json: Data(text.utf8)) }
        #expect(error?.syntax?.offset == offset)
    }
}
