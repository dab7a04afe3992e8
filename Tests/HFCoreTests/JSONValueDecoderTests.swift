import Foundation
import Testing

@testable import HFCore

/// `Decodable` over the package's own reader: the rules of `JSONDecoder`, on recorded-shaped values.
@Suite("JSONValueDecoder")
struct JSONValueDecoderTests {
    struct Sample: Decodable, Equatable {
        struct Inner: Decodable, Equatable {
            let label: String
            let score: Double
        }

        let name: String
        let count: Int
        let big: UInt64
        let ratio: Float
        let flag: Bool
        let missing: String?
        let null: Int?
        let items: [Inner]
        let small: Int8
        let url: URL
        let data: Data
        let any: JSONValue
    }

    @Test("every kind of member, with JSONDecoder's rules for optionals, whole numbers, URLs and base64")
    func decodesLikeJSONDecoder() throws {
        let text = #"{"name":"n","count":3.0,"big":18446744073709551615,"ratio":0.5,"flag":true,"null":null,"items":[{"label":"POSITIVE","score":0.99}],"small":-8,"url":"https://huggingface.co/x","data":"AAEC","any":{"b":[1,"x"],"a":null}}"#
        let ours = try JSONValueDecoder().decode(Sample.self, from: JSONParser.parse(text))
        let foundation = try JSONDecoder().decode(Sample.self, from: Data(text.utf8))
        #expect(ours.name == foundation.name && ours.count == foundation.count && ours.big == foundation.big)
        #expect(ours.ratio == foundation.ratio && ours.flag && ours.missing == nil && ours.null == nil)
        #expect(ours.items == foundation.items && ours.small == -8 && ours.url == foundation.url && ours.data == Data([0, 1, 2]))
        // The ordered value keeps the order of the keys, which JSONDecoder cannot.
        #expect(ours.any.objectValue?.keys == ["b", "a"])
    }

    @Test("failures are DecodingErrors naming the path", arguments: [
        (#"{"items":[{"label":"a","score":"high"}]}"#, "items[0].score"),
        (#"{"items":[{"score":1}]}"#, "items[0]"),
        (#"{"items":[null]}"#, "items[0]"),
    ])
    func failures(_ text: String, _ path: String) throws {
        struct Wrapper: Decodable { let items: [Sample.Inner] }
        do {
            _ = try JSONValueDecoder().decode(Wrapper.self, from: JSONParser.parse(text))
            Issue.record("decoded \(text)")
        } catch let error as DecodingError {
            let context: DecodingError.Context
            switch error {
            case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found): context = found
            case .keyNotFound(_, let found): context = found
            @unknown default: throw error
            }
            let rendered = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }
            #expect(String(rendered) == path, "\(error)")
        }
    }

    @Test("a number that does not fit, or a fraction where an integer is due, is refused")
    func integers() {
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Int8.self, from: .integer(300)) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Int.self, from: .double(2.5)) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(UInt.self, from: .integer(-1)) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Float.self, from: .double(1e300)) }
    }
}
