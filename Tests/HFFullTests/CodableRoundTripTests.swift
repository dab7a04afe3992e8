import Foundation
import HFFull
import HFReplay
import HFTestSupport
import Testing

/// Every recorded chat request, reply and stream event decoded into our types with Foundation's
/// `JSONDecoder` and encoded again with `JSONEncoder`: the JSON that comes out equals the JSON that
/// went in, but for the members the types intentionally leave out (listed in
/// ``RecordedJSON/unmodelled``, see decision D70) and `null` members, which read as absent.
@Suite("Codable round trips over the recordings")
struct CodableRoundTripTests {
    @Test("every recorded chat request: ChatCompletionRequest decodes and encodes it back", arguments: RecordedJSON.bodies(.chatRequest))
    func chatRequest(_ body: RecordedJSON) throws {
        try body.expectRoundTrip(ChatCompletionRequest.self)
    }

    @Test("every recorded chat reply: ChatCompletion decodes and encodes it back", arguments: RecordedJSON.bodies(.chatReply))
    func chatReply(_ body: RecordedJSON) throws {
        try body.expectRoundTrip(ChatCompletion.self)
    }

    @Test("every event of every recorded chat stream: ChatCompletionChunk decodes and encodes it back", arguments: RecordedJSON.bodies(.chatStreamEvent))
    func chatStreamEvent(_ body: RecordedJSON) throws {
        try body.expectRoundTrip(ChatCompletionChunk.self)
    }

    @Test("every recorded task reply whose shape a public type models: that type decodes and encodes it back", arguments: RecordedJSON.taskReplies)
    func taskReply(_ body: RecordedJSON) throws {
        guard case .taskReply(let type) = body.kind else { return }
        try type.expectRoundTrip(body)
    }

    @Test("a recorded request whose messages are a string is refused, not misread")
    func invalidRequest() throws {
        let bodies = RecordedJSON.bodies(.invalidChatRequest)
        #expect(bodies.count == 2)
        for body in bodies {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(ChatCompletionRequest.self, from: body.data) }
        }
    }

    @Test("every recorded interaction is either round-tripped above or set aside for a stated reason")
    func coverage() throws {
        var counts: [RecordedJSON.Kind: Int] = [:]
        for body in RecordedJSON.all { counts[body.kind, default: 0] += 1 }
        // The chat bodies the tests above cover, counted independently of the classification.
        let chatPosts = try RecordedCase.all().flatMap(\.interactions).filter { $0.request.method == "POST" && $0.request.url.path.hasSuffix("/chat/completions") }
        #expect((counts[.chatRequest] ?? 0) + (counts[.invalidChatRequest] ?? 0) == chatPosts.count)
        #expect((counts[.chatReply] ?? 0) == chatPosts.filter { (200..<300).contains($0.response.status) && $0.response.contentType?.hasPrefix("application/json") == true }.count)
        #expect((counts[.chatStreamEvent] ?? 0) > 100)
        #expect(Set(RecordedJSON.taskReplies.compactMap { if case .taskReply(let type) = $0.kind { type } else { nil } }) == Set(TaskReply.allCases))
        for body in RecordedJSON.all {
            if case .notModelled(let reason) = body.kind { #expect(RecordedJSON.reasons.contains(reason), "\(body)") }
        }
    }
}
