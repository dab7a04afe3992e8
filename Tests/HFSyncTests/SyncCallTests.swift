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
        let (server, recorded) = try RecordedChat.server(RecordedChat.plainStem)
        let client = HFClient.replaying(server)
        let request = try RecordedChat.request(recorded)

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
        let (server, recorded) = try RecordedChat.server(RecordedChat.streamStem)
        let client = HFClient.replaying(server)
        let request = try RecordedChat.request(recorded)
        let stream = try await offCooperativePool { try client.sync.chatStream(request, via: .provider(.together)) }

        let error = #expect(throws: HFError.self) { try stream.next() }
        #expect(error?.category == .validation)
        #expect(server.requests.isEmpty)
        let first = try await offCooperativePool { try stream.next() }
        #expect(first?.text != nil || first?.choices.isEmpty == false)
    }

    @Test("on the main thread (or main queue): refused, unless the caller opted in")
    func refusedOnMainThread() async throws {
        let (server, recorded) = try RecordedChat.server(RecordedChat.plainStem)
        let client = HFClient.replaying(server)
        let request = try RecordedChat.request(recorded)

        let outcome = await withCheckedContinuation { continuation in
            DispatchQueue.main.async {
                continuation.resume(returning: Result { () throws(HFError) in try client.sync.chat(request, via: .provider(.together)) })
            }
        }
        #expect(throws: HFError.self) { try outcome.get() }
        if case .failure(let error) = outcome {
            #expect(error.category == .validation)
            #expect(error.message.contains("on the main thread"))
            #expect(error.recoverySuggestion.contains("allowsMainThread: true"))
        }
        #expect(server.requests.isEmpty)

        // A command-line tool that opted in is served there.
        let allowed = SyncClient(client: client, allowsMainThread: true)
        let answer = await withCheckedContinuation { continuation in
            DispatchQueue.main.async {
                continuation.resume(returning: Result { () throws(HFError) in try allowed.chat(request, via: .provider(.together)) })
            }
        }
        let reply = try #require(recorded.inferenceInteraction).response.jsonBody()
        #expect(try answer.get().text == reply["choices"]?[0]?["message"]?["content"]?.stringValue)
    }

    @Test("on a plain thread: the recorded reply, as the async call reads it")
    func worksOnThread() async throws {
        let (server, recorded) = try RecordedChat.server(RecordedChat.plainStem)
        let client = HFClient.replaying(server)
        let request = try RecordedChat.request(recorded)

        let completion = try await offCooperativePool { try client.sync.chat(request, via: .provider(.together)) }

        let reply = try #require(recorded.inferenceInteraction).response.jsonBody()
        #expect(completion.text == reply["choices"]?[0]?["message"]?["content"]?.stringValue)
        #expect(completion.id == reply["id"]?.stringValue)
        #expect(server.requests.map(\.method) == ["GET", "POST"])
    }

    @Test("on a plain thread: an error is the async call's typed error")
    func errorOnThread() async throws {
        let (server, recorded) = try RecordedChat.server(RecordedChat.plainStem, plan: .status(503))
        let client = HFClient.replaying(server)
        let request = try RecordedChat.request(recorded)

        let outcome = await offCooperativePoolResult { () throws(HFError) in try client.sync.chat(request, via: .provider(.together)) }

        #expect(throws: HFError.self) { try outcome.get() }
        if case .failure(let error) = outcome {
            #expect(error.category == .modelUnavailable)
            #expect(error.status == 503)
        }
    }
}

/// Runs `work` on a thread of its own and hands back its outcome, error included.
func offCooperativePoolResult<Value: Sendable>(_ work: @escaping @Sendable () throws(HFError) -> Value) async -> Result<Value, HFError> {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: Result(catching: work)) }.start()
    }
}
