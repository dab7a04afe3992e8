import Foundation
import HFTestSupport
import Testing

@testable import HFCore

/// The package's `Decodable` path (``JSONParser`` then ``JSONValueDecoder``) against Foundation's
/// `JSONDecoder` on generated documents of one shape: each member is mostly of its type, sometimes
/// at or past its type's bounds, a whole number written with a fraction, `null`, missing, or a
/// value of another kind. Both must accept the same documents and decode them to equal values.
///
/// No key is written twice: there the readers differ by design (D66): ours keeps the last value,
/// as `JSONSerialization`, JavaScript and Python do; `JSONDecoder` on Linux keeps the first.
@Suite("Decoder agreement with JSONDecoder")
struct DecoderAgreementTests {
    struct Record: Decodable, Equatable {
        // Required leaves: missing or null fails.
        let name: String, ratio: Double
        // Integers of several widths and signs, to meet their bounds.
        let count: Int, small: Int8?, unsigned: UInt32?, big: UInt64?
        let flag: Bool?
        // Containers, required and optional.
        let tags: [String], items: [Item]?, table: [String: Int]?
        // Strings read by the rules for URL and base64.
        let link: URL?, blob: Data?
    }

    /// An element of ``Record/items``.
    struct Item: Decodable, Equatable {
        let label: String, score: Double, rank: Int?
    }

    /// Generated members of ``Record``.
    struct Members {
        var json: RandomJSON

        /// A member for a field of `kind`; `nil` leaves it out.
        mutating func member(_ kind: Kind) -> JSONValue? {
            if json.chance(2) { return nil }
            if json.chance(2) { return .null }
            if json.chance(3) { return json.value(depth: 2) }
            switch kind {
            case .string: return .string(json.string())
            case .bool: return .bool(json.chance(50))
            case .double: return json.chance(20) ? .integer(json.integer()) : .double(json.double())
            case .integer(let range): return integer(in: range)
            case .url: return .string(json.chance(60) ? "https://huggingface.co/\(json.string())" : json.string())
            case .base64:
                let bytes = (0..<Int.random(in: 0...12, using: &json.random)).map { _ in UInt8.random(in: 0...255, using: &json.random) }
                return .string(json.chance(85) ? Data(bytes).base64EncodedString() : json.string())
            case .strings: return .array((0..<Int.random(in: 0...3, using: &json.random)).compactMap { _ in member(.string) })
            case .items:
                return .array((0..<Int.random(in: 0...3, using: &json.random)).map { _ in
                    object([("label", member(.string)), ("score", member(.double)), ("rank", member(.integer(-1000...1000)))])
                })
            case .table:
                return object((0..<Int.random(in: 0...3, using: &json.random)).map { _ in (json.string(), member(.integer(Int64(Int.min)...Int64(Int.max)))) })
            }
        }

        /// Mostly in the field's range, now and then just past it, as a whole double, or with a fraction.
        private mutating func integer(in range: ClosedRange<Int64>) -> JSONValue {
            switch Int.random(in: 0..<30, using: &json.random) {
            case 0: return .integer(range.lowerBound)
            case 1: return range.upperBound == .max ? .unsigned(UInt64(Int64.max) + 1) : .integer(range.upperBound + 1)
            case 2: return range.lowerBound == .min ? .unsigned(.max) : .integer(range.lowerBound - 1)
            case 3: return .double(Double(Int64.random(in: -1000...1000, using: &json.random)))
            case 4: return .double(Double(Int64.random(in: -1000...1000, using: &json.random)) + 0.5)
            case 5: return .unsigned(UInt64.random(in: UInt64(Int64.max) + 1 ... .max, using: &json.random))
            default: return .integer(Int64.random(in: range, using: &json.random))
            }
        }

        private func object(_ members: [(String, JSONValue?)]) -> JSONValue {
            var object = JSONObject()
            for case let (key, value?) in members { object[key] = value }
            return .object(object)
        }

        mutating func record() -> JSONValue {
            object([
                ("name", member(.string)), ("count", member(.integer(Int64(Int.min)...Int64(Int.max)))),
                ("small", member(.integer(-128...127))), ("unsigned", member(.integer(0...Int64(UInt32.max)))),
                ("big", member(.integer(0...Int64.max))), ("ratio", member(.double)), ("flag", member(.bool)),
                ("tags", member(.strings)), ("items", member(.items)), ("table", member(.table)),
                ("link", member(.url)), ("blob", member(.base64)),
            ])
        }

        enum Kind {
            case string, bool, double, url, base64, strings, items, table
            case integer(ClosedRange<Int64>)
        }
    }

    @Test("generated documents (seeded) decode the same as with JSONDecoder, or fail with it")
    func agreesWithJSONDecoder() async throws {
        let (disagreements, decoded, refused) = try await offCooperativePool {
            var json = RandomJSON(seed: 0x5EED_DEC0)
            json.repeatsKeys = false
            var members = Members(json: json)
            var disagreements: [String] = []
            var decoded = 0, refused = 0
            for _ in 0..<3000 {
                var text: [UInt8] = []
                members.json.write(members.record(), to: &text)
                let ours = try? JSONValueDecoder().decode(Record.self, from: JSONParser.parse(Data(text)))
                let foundation = try? JSONDecoder().decode(Record.self, from: Data(text))
                if ours != foundation { disagreements.append(String(decoding: text, as: UTF8.self)) }
                if foundation == nil { refused += 1 } else { decoded += 1 }
            }
            return (disagreements, decoded, refused)
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, first: \(disagreements.prefix(3))")
        // Both outcomes must be common for the comparison to mean something.
        #expect(decoded > 300 && refused > 300, "decoded \(decoded), refused \(refused)")
    }
}
