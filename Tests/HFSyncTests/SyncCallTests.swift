import Dispatch
import Foundation
import HFReplay
import HFSync
import HFTestSupport
import Testing

/// Blocking calls: refused at once where waiting could deadlock (inside a task, on the main
/// thread), and on a plain thread the same replies and errors as the async API.
@Suite("Blocking calls")
struct SyncCallTests {
    @Test("inside a Task: refused at once with a validation error pointing to the async API; nothing is sent")
    func refusedInsideTask() async throws {
        let (server, client, request, _) = try RecordedChat.setUp(RecordedChat.plainStem)

        let error = #expect(throws: HFError.self) { try client.sync.chat(request, via: .provider(.together)) }
        #expect(error?.category == .validation)
        #expect(error?.message.contains("inside a Swift concurrency task") == true)
        #expect(error?.recoverySuggestion.contains("try await") == true)
        let stream = #expect(throws: HFError.self) { try client.sync.chatStream(request, via: .provider(.together)) }
        #expect(stream?.category == .validation)
        let other = #expect(throws: HFError.self) { try client.sync.run { try await $0.providerMappings(for: request.model) } }
        #expect(other?.category == .validation)
        #expect(server.requests.isEmpty)
    }

    @Test("an iterator made on a thread, read inside a Task: that read is refused and the stream is left as it was")
    func iteratorReadInsideTask() async throws {
        let (server, client, request, _) = try RecordedChat.setUp(RecordedChat.streamStem)
        let stream = try await offCooperativePool { try client.sync.chatStream(request, via: .provider(.together)) }

        let error = #expect(throws: HFError.self) { try stream.next() }
        #expect(error?.category == .validation)
        #expect(server.requests.isEmpty)
        let first = try await offCooperativePool { try stream.next() }
        #expect(first?.text != nil || first?.choices.isEmpty == false)
        #expect(server.unmatchedRequests.isEmpty)
    }

    @Test("on the main thread (or main queue): refused, unless the caller opted in")
    func refusedOnMainThread() async throws {
        let (server, client, request, recorded) = try RecordedChat.setUp(RecordedChat.plainStem)

        let outcome = await onMainQueue { () throws(HFError) in try client.sync.chat(request, via: .provider(.together)) }
        #expect(throws: HFError.self) { try outcome.get() }
        if case .failure(let error) = outcome {
            #expect(error.category == .validation)
            #expect(error.message.contains("on the main thread"))
            #expect(error.recoverySuggestion.contains("allowsMainThread: true"))
        }
        #expect(server.requests.isEmpty)

        // A command-line tool that opted in is served there.
        let allowed = SyncClient(client: client, allowsMainThread: true)
        let answer = await onMainQueue { () throws(HFError) in try allowed.chat(request, via: .provider(.together)) }
        #expect(try answer.get().text == RecordedChat.replyText(recorded))
        #expect(server.requests.count == 2)
    }

    @Test("on a plain thread: the recorded reply, as the async call reads it")
    func worksOnThread() async throws {
        let (server, client, request, recorded) = try RecordedChat.setUp(RecordedChat.plainStem)

        let completion = try await offCooperativePool { try client.sync.chat(request, via: .provider(.together)) }

        #expect(completion.text == (try RecordedChat.replyText(recorded)))
        #expect(completion.id == (try #require(recorded.inferenceInteraction).response.jsonBody()["id"]?.stringValue))
        #expect(server.requests.map(\.method) == ["GET", "POST"])
    }

    @Test("on a plain thread: an error is the async call's typed error")
    func errorOnThread() async throws {
        let (server, client, request, _) = try RecordedChat.setUp(RecordedChat.plainStem, plan: .status(503))

        let outcome = await offCooperativePoolResult { () throws(HFError) in try client.sync.chat(request, via: .provider(.together)) }

        #expect(throws: HFError.self) { try outcome.get() }
        if case .failure(let error) = outcome {
            #expect(error.category == .modelUnavailable)
            #expect(error.status == 503)
        }
        #expect(server.unmatchedRequests.isEmpty)
    }
}

/// Runs `work` as a block on the main queue and hands back its outcome, error included.
func onMainQueue<Value: Sendable>(_ work: @escaping @Sendable () throws(HFError) -> Value) async -> Result<Value, HFError> {
    await withCheckedContinuation { continuation in
        DispatchQueue.main.async { continuation.resume(returning: Result(catching: work)) }
    }
}

/// Runs `work` on a thread of its own and hands back its outcome, error included.
func offCooperativePoolResult<Value: Sendable>(_ work: @escaping @Sendable () throws(HFError) -> Value) async -> Result<Value, HFError> {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: Result(catching: work)) }.start()
    }
}
