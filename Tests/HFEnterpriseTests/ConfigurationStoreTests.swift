import Foundation
import HFReplay
import HFTestSupport
import Testing

@testable import HFEnterprise
@testable import HFInference

/// Runtime configuration changes: validated, versioned, watched, rolled back; calls under way keep
/// the configuration they started with.
@Suite("Dynamic configuration")
struct ConfigurationStoreTests {
    static let chat = "TestInferenceClient.test_chat_completion_no_stream_hf-inference_conversational"

    @Test("a change that fails validation is refused with a validation error and changes nothing")
    func validation() async throws {
        let store = try ConfigurationStore(HFConfiguration.inMemory()) { configuration in
            if configuration.requestTimeout > .seconds(900) { throw HFError(category: .validation, message: "our gateway cuts calls at 900 s") }
        }
        let refusals: [(String, @Sendable (inout HFConfiguration) -> Void)] = [
            ("routerBaseURL", { $0.routerBaseURL = URL(string: "ftp://example.com")! }),
            ("requestTimeout", { $0.requestTimeout = .seconds(-1) }),
            ("maximumUploadSize", { $0.maximumUploadSize = 0 }),
            ("extraHeaders", { $0.extraHeaders["X-Bad"] = "a\r\nInjected: 1" }),
            ("billTo", { $0.billTo = "org\nX: 1" }),
        ]
        for (field, change) in refusals {
            let error = await #expect(throws: HFError.self) { try await store.update(change) }
            #expect(error?.category == .validation && error?.field == field, "\(field): \(error?.message ?? "")")
        }
        let custom = await #expect(throws: HFError.self) { try await store.update { $0.requestTimeout = .seconds(1000) } }
        #expect(custom?.message == "our gateway cuts calls at 900 s")
        #expect(await store.current.number == 1)
        #expect(await store.versions.count == 1)
    }

    @Test("versions count up, the history is bounded, and a rollback is a new version with the old configuration")
    func versionsAndRollback() async throws {
        let clock = ManualClock()
        let store = try ConfigurationStore(HFConfiguration.inMemory(), history: 3, clock: clock)
        for seconds in [10, 20, 30] {
            clock.advance(by: .seconds(1))
            try await store.update(note: "timeout \(seconds)") { $0.requestTimeout = .seconds(seconds) }
        }
        #expect(await store.versions.map(\.number) == [2, 3, 4])
        let back = try await store.rollback()
        #expect(back.number == 5 && back.configuration.requestTimeout == .seconds(20) && back.note == "rollback to version 3")
        let again = try await store.rollback(to: 4)
        #expect(again.number == 6 && again.configuration.requestTimeout == .seconds(30))
        #expect(await store.versions.map(\.number) == [4, 5, 6])
        let gone = await #expect(throws: HFError.self) { try await store.rollback(to: 2) }
        #expect(gone?.field == "version")
        #expect(await store.current.since == clock.now)
    }

    @Test("every watcher sees every change, in order")
    func watchers() async throws {
        let store = try ConfigurationStore(HFConfiguration.inMemory())
        let first = store.changes()
        let second = store.changes()
        for seconds in 1...3 { try await store.update { $0.requestTimeout = .seconds(seconds) } }
        try await store.rollback(to: 2)
        for stream in [first, second] {
            var seen: [Int] = []
            for await version in stream {
                seen.append(version.number)
                if seen.count == 4 { break }
            }
            #expect(seen == [2, 3, 4, 5])
        }
    }

    @Test("a call under way keeps the configuration it started with; the next one gets the new one, on the same transport")
    func inFlightKeepsItsConfiguration() async throws {
        let recorded = try RecordedCase.load(Self.chat)
        let server = try ReplayServer()
        let chat = try #require(recorded.interactions.first { $0.request.method == "POST" })
        server.serve(chat, plan: ResponsePlan(delayBeforeHead: .milliseconds(600)))
        server.serve(chat)
        var initial = HFConfiguration.replaying(server)
        initial.extraHeaders["X-Config"] = "one"
        let store = try ConfigurationStore(initial)
        let dynamic = DynamicClient(store: store)
        let model = ModelID(rawValue: "meta-llama/Llama-3.1-8B-Instruct")

        let first = await dynamic.client
        let slow = Task { try await first.inference.chat("Hi", model: model, via: .provider(.hfInference)) }
        #expect(await server.waitForRequests(count: 1, timeout: .seconds(30)))
        try await store.update { $0.extraHeaders["X-Config"] = "two" }
        let second = await dynamic.client
        _ = try await second.inference.chat("Hi", model: model, via: .provider(.hfInference))
        _ = try await slow.value

        #expect(server.requests.map { $0.header("X-Config") } == ["one", "two"])
        #expect(first !== second && (first.transport as AnyObject) === (second.transport as AnyObject))
        #expect(await dynamic.client === second)
    }
}
