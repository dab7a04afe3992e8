import Dispatch
import Foundation
import HFCore

/// Where a blocking call is refused: inside any Swift concurrency task, and on the main thread
/// unless the caller opted in (``SyncClient/init(client:allowsMainThread:)``).
enum BlockingContext {
    /// Throws ``HFError/Category/validation`` when waiting here could deadlock; nothing is sent.
    static func check(_ operation: String, allowsMainThread: Bool) throws(HFError) {
        if withUnsafeCurrentTask(body: { $0 != nil }) {
            throw refusal(operation, place: "inside a Swift concurrency task", suggestion: "Call the async API with `try await` from async code (for example `try await client.inference.chat(…)`) instead of `client.sync`; the blocking calls are for threads outside Swift concurrency.")
        }
        if !allowsMainThread && isMainThread {
            throw refusal(operation, place: "on the main thread", suggestion: "Call the async API from a Task (for example `Task { try await client.inference.chat(…) }`), or call `client.sync` from a background thread. A command-line tool whose main thread runs no run loop and nothing `@MainActor` may opt in with `SyncClient(client: client, allowsMainThread: true)`.")
        }
    }

    /// The main thread, or the main queue wherever it runs: once the process calls `dispatchMain()`
    /// (as an `async` main does on Linux), the main queue's blocks, and with them the main actor's
    /// jobs, run on a worker thread that `Thread.isMainThread` does not recognise.
    private static var isMainThread: Bool {
        Thread.isMainThread || DispatchQueue.getSpecific(key: mainQueueMark) != nil
    }

    /// Set on the main queue once, the first time anyone asks.
    private static let mainQueueMark: DispatchSpecificKey<Bool> = {
        let key = DispatchSpecificKey<Bool>()
        DispatchQueue.main.setSpecific(key: key, value: true)
        return key
    }()

    private static func refusal(_ operation: String, place: String, suggestion: String) -> HFError {
        HFError(
            category: .validation,
            message: "The blocking call \(operation) was refused \(place): waiting there can deadlock, because the work it waits for may need that very thread.",
            recoverySuggestion: suggestion
        )
    }
}
