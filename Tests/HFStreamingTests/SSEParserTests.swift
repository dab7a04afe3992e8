import Foundation
import HFCore
import HFReplay
import HFTestSupport
import Testing

@testable import HFStreaming

/// The parser alone, without the network: every recorded stream split at every byte boundary, line
/// ends in all three forms, and the framing rules one by one.
@Suite("SSE parser")
struct SSEParserTests {
    /// All events of `pieces`, fed in order, then the end of input.
    static func parse(_ pieces: [Data]) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        for piece in pieces { events += parser.events(from: piece) }
        return events + parser.finish()
    }

    static func parse(_ text: String) -> [ServerSentEvent] {
        parse([Data(text.utf8)])
    }

    @Test("a recorded stream reads the same whole, split at any byte, and byte by byte", arguments: RecordedStream.all)
    func everyBoundary(_ stream: RecordedStream) async throws {
        let body = try stream.body
        let whole = Self.parse([body])
        let oracle = StreamOracle(body)
        #expect(whole.prefix(oracle.events.count).map(\.data) == oracle.events)
        #expect(whole.filter(\.isDone).count == (String(decoding: body, as: UTF8.self).contains("[DONE]") ? 1 : 0))
        // One parser fed byte by byte; at every cut, a copy of it takes the rest in one piece.
        let (misread, byteByByte) = try await offCooperativePool {
            var parser = ServerSentEventParser()
            var before: [ServerSentEvent] = []
            var misread: [Int] = []
            for cut in 1..<body.count {
                before += parser.events(from: body.subdata(in: cut - 1..<cut))
                var rest = parser
                if before + rest.events(from: body.subdata(in: cut..<body.count)) + rest.finish() != whole {
                    misread.append(cut)
                }
            }
            before += parser.events(from: body.subdata(in: body.count - 1..<body.count))
            return (misread, before + parser.finish())
        }
        #expect(misread.isEmpty, "split at bytes \(misread.prefix(5)) of \(body.count) read differently")
        #expect(byteByByte == whole)
    }

    @Test("CRLF and lone CR end lines like LF, also when a CRLF is split between chunks", arguments: RecordedStream.all)
    func lineEnds(_ stream: RecordedStream) async throws {
        let text = String(decoding: try stream.body, as: UTF8.self)
        let whole = Self.parse(text)
        for ending in ["\r\n", "\r"] {
            let converted = Data(text.replacingOccurrences(of: "\n", with: ending).utf8)
            #expect(Self.parse([converted]) == whole)
            // Cut right after every CR: the LF that follows starts the next chunk.
            let cuts = converted.indices.filter { converted[$0] == 13 }.map { $0 + 1 }
            let pieces = zip([0] + cuts, cuts + [converted.count]).map { converted.subdata(in: $0..<$1) }
            #expect(Self.parse(pieces) == whole)
        }
    }

    @Test("a recorded stream cut into many random pieces (seeded), with each kind of line end, reads as it does whole", arguments: RecordedStream.all)
    func randomPieces(_ stream: RecordedStream) throws {
        let text = String(decoding: try stream.body, as: UTF8.self)
        let whole = Self.parse(text)
        var random = SplitMix64(seed: 0x55E_C0DE ^ UInt64(text.utf8.count))
        var misread: [String] = []
        for ending in ["\n", "\r\n", "\r"] {
            let body = Data(text.replacingOccurrences(of: "\n", with: ending).utf8)
            for round in 0..<200 {
                // Pieces up to 2, 8, 64 or 512 bytes: many carried lines, split line ends and events.
                let largest = [2, 8, 64, 512][round % 4]
                var pieces: [Data] = []
                var start = 0
                while start < body.count {
                    let end = min(body.count, start + Int.random(in: 1...largest, using: &random))
                    pieces.append(body.subdata(in: start..<end))
                    start = end
                }
                if Self.parse(pieces) != whole { misread.append("\(ending.debugDescription), round \(round)") }
            }
        }
        #expect(misread.isEmpty, "\(misread.count) cuttings read differently: \(misread.prefix(5))")
    }

    @Test("a CR ending one chunk and an LF starting the next are one line end, not an empty line")
    func splitCRLF() {
        let events = Self.parse([Data("data: a\r".utf8), Data("\ndata: b\r\n\r\n".utf8)])
        #expect(events == [ServerSentEvent(data: "a\nb")])
    }

    @Test("comments and keep-alives are skipped")
    func comments() {
        #expect(Self.parse(": keep-alive\n\n:\n\ndata: x\n: between lines\n\n") == [ServerSentEvent(data: "x")])
    }

    @Test("multi-line data is joined with newlines; one space after the colon is dropped")
    func multiLine() {
        #expect(Self.parse("data: {\"a\":\ndata:1}\ndata:  two spaces\n\n") == [ServerSentEvent(data: "{\"a\":\n1}\n two spaces")])
    }

    @Test("event types, ids, unknown fields and lines without a colon")
    func fields() {
        let events = Self.parse("event: error\nid: 7\nretry: 100\nfoo: bar\nnocolon\ndata: boom\n\ndata: next\n\n")
        #expect(events == [ServerSentEvent(type: "error", data: "boom", id: "7"), ServerSentEvent(data: "next", id: "7")])
    }

    @Test("an event without data is not dispatched; empty data is")
    func emptyEvents() {
        #expect(Self.parse("event: ping\n\n\n\ndata:\n\n") == [ServerSentEvent(data: "")])
    }

    @Test("a leading byte-order mark is ignored")
    func byteOrderMark() {
        #expect(Self.parse([Data([0xEF, 0xBB]), Data([0xBF]) + Data("data: x\n\n".utf8)]) == [ServerSentEvent(data: "x")])
    }

    @Test("the end of input delivers an event left open, and a last line without its line end")
    func endOfInput() {
        var parser = ServerSentEventParser()
        #expect(parser.events(from: Data("data: a\n\ndata: b\ndata: c".utf8)) == [ServerSentEvent(data: "a")])
        #expect(parser.finish() == [ServerSentEvent(data: "b\nc")])
        #expect(parser.finish().isEmpty)
    }

    @Test("[DONE] is recognised with or without spaces")
    func done() {
        let events = Self.parse("data: [DONE]\n\ndata:[DONE]\n\ndata:  [DONE] \n\n")
        #expect(events.count == 3)
        #expect(events.allSatisfy { $0.isDone })
        #expect(!ServerSentEvent(data: "[DONE]x").isDone)
    }
}
