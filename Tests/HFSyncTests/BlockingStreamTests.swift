import Foundation
import HFReplay
import HFSync
import HFTestSupport
import Testing

/// The blocking iterator over a recorded stream: every piece, then the error that ended it;
/// cancelling it or letting it go closes the connection.
@Suite("Blocking streams")
struct BlockingStreamTests {
    /// Reads the whole stream on a thread of its own: the chunks, then the error if any.
    static func drain(_ stream: BlockingIterator<ChatCompletionChunk>, onChunk: @escaping @Sendable () -> Void = {}) async -> (chunks: [ChatCompletionChunk], error: HFError?) {
        await withCheckedContinuation { continuation in
            Thread {
                var chunks: [ChatCompletionChunk] = []
                do throws(HFError) {
                    while let chunk = try stream.next() {
                        chunks.append(chunk)
                        onChunk()
                    }
                    continuation.resume(returning: (chunks, nil))
                } catch {
                    continuation.resume(returning: (chunks, error))
                }
            }.start()
        }
    }

    @Test("the whole recorded stream, piece by piece, then nil for good")
    func whole() async throws {
        let (server, client, request, recorded) = try RecordedChat.setUp(RecordedChat.streamStem)
        let events = RecordedChat.events(try #require(recorded.inferenceInteraction).response.body)
        let stream = try await offCooperativePool { try client.sync.chatStream(request, via: .provider(.together)) }

        let (chunks, error) = await Self.drain(stream)

        #expect(error == nil)
        #expect(chunks.count == events.count)
        #expect(chunks.map(\.text) == events.map(\.text))
        #expect(try await offCooperativePool { try stream.next() } == nil)
        #expect(server.unmatchedRequests.isEmpty)
    }

    @Test("a reset after k events: the k pieces, then streamInterrupted holding their text", arguments: [1, 5])
    func reset(_ count: Int) async throws {
        let recorded = try RecordedCase.load(RecordedChat.streamStem)
        let events = RecordedChat.events(try #require(recorded.inferenceInteraction).response.body)
        var plan = ResponsePlan.eventStream(delayBetweenEvents: .milliseconds(20))
        plan.fault = .resetAfter(bytes: events[count - 1].end + 1)
        let (server, client, request, _) = try RecordedChat.setUp(RecordedChat.streamStem, plan: plan)
        let stream = try await offCooperativePool { try client.sync.chatStream(request, via: .provider(.together)) }

        let (chunks, error) = await Self.drain(stream)

        let expected = events.prefix(count).compactMap(\.text).joined()
        #expect(chunks.count == count)
        #expect(chunks.compactMap(\.text).joined() == expected)
        #expect(error?.category == .streamInterrupted)
        #expect(error?.partialOutput == expected)
        // The error is thrown once; the stream has ended.
        #expect(try await offCooperativePool { try stream.next() } == nil)
        #expect(server.unmatchedRequests.isEmpty)
    }

    @Test("cancel() from another thread while a read waits: cancelled, and the server sees the disconnect")
    func cancelWhileWaiting() async throws {
        let (server, client, request, _) = try RecordedChat.setUp(RecordedChat.streamStem, plan: .eventStream(delayBetweenEvents: .milliseconds(300)))
        let stream = try await offCooperativePool { try client.sync.chatStream(request, via: .provider(.together)) }
        let firstChunk = AsyncStream<Void>.makeStream()

        async let outcome = Self.drain(stream) { firstChunk.continuation.yield() }
        var waiter = firstChunk.stream.makeAsyncIterator()
        _ = await waiter.next()
        stream.cancel()

        let (chunks, error) = await outcome
        #expect(!chunks.isEmpty)
        #expect(error?.category == .cancelled)
        #expect(await server.waitForDisconnect(timeout: .seconds(5)))
    }

    @Test("cancel() between reads closes the connection at once; the next read throws cancelled")
    func cancelBetweenReads() async throws {
        let (server, client, request, _) = try RecordedChat.setUp(RecordedChat.streamStem, plan: .eventStream(delayBetweenEvents: .milliseconds(300)))
        let stream = try await offCooperativePool { try client.sync.chatStream(request, via: .provider(.together)) }
        _ = try await offCooperativePool { try stream.next() }

        stream.cancel()

        #expect(await server.waitForDisconnect(timeout: .seconds(5)))
        let outcome = await offCooperativePoolResult { () throws(HFError) in try stream.next() }
        #expect(throws: HFError.self) { try outcome.get() }
        if case .failure(let error) = outcome { #expect(error.category == .cancelled) }
    }

    @Test("letting the iterator go mid-stream closes the connection")
    func release() async throws {
        let (server, client, request, _) = try RecordedChat.setUp(RecordedChat.streamStem, plan: .eventStream(delayBetweenEvents: .milliseconds(300)))

        let first = try await offCooperativePool {
            let stream = try client.sync.chatStream(request, via: .provider(.together))
            return try stream.next()
        }

        #expect(first != nil)
        #expect(await server.waitForDisconnect(timeout: .seconds(5)))
    }

    @Test("the README's blocking stream: every recorded piece, read on a plain thread")
    func readmeExample() async throws {
        let (server, client, request, recorded) = try RecordedChat.setUp(RecordedChat.streamStem)
        let events = RecordedChat.events(try #require(recorded.inferenceInteraction).response.body)

        let text = try await offCooperativePool {
            // README sync begins
            let stream = try client.sync.chatStream(request, via: .provider(.together))
            var text = ""
            while let chunk = try stream.next() { text += chunk.text ?? "" }
            // README sync ends
            return text
        }

        #expect(text == events.compactMap(\.text).joined())
        #expect(server.unmatchedRequests.isEmpty)
    }
}
