import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The baseline client: Foundation's URLSession as hand-written code uses it, without our code.
final class PlainURLSession: Sendable {
    let session: URLSession
    private let streams = StreamRouter()

    /// A session with `URLSessionConfiguration.default`, optionally allowing more connections per host.
    init(maximumConnectionsPerHost: Int? = nil) {
        let configuration = URLSessionConfiguration.default
        if let maximumConnectionsPerHost { configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost }
        session = URLSession(configuration: configuration, delegate: streams, delegateQueue: nil)
    }

    /// POSTs `body` as JSON and returns the response body; fails on a non-2xx status.
    func post(_ url: URL, body: Data) async throws -> Data {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer hf_bench", forHTTPHeaderField: "Authorization")
        let (data, response) = try await session.data(for: request)
        try Self.check(response)
        return data
    }

    /// POSTs `body` and hands over the response body in pieces as URLSession delivers them.
    func stream(_ url: URL, body: Data) -> AsyncThrowingStream<Data, any Error> {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        let task = session.dataTask(with: request)
        streams.register(continuation, for: task)
        continuation.onTermination = { _ in task.cancel() }
        task.resume()
        return stream
    }

    private static func check(_ response: URLResponse) throws {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw BenchError("status \(status)") }
    }
}

/// Delivers each streaming task's bytes to its continuation.
private final class StreamRouter: NSObject, URLSessionDataDelegate, Sendable {
    private let continuations = Mutex<[Int: AsyncThrowingStream<Data, any Error>.Continuation]>([:])

    func register(_ continuation: AsyncThrowingStream<Data, any Error>.Continuation, for task: URLSessionTask) {
        continuations.withLock { $0[task.taskIdentifier] = continuation }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        _ = continuations.withLock { $0[dataTask.taskIdentifier] }?.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let continuation = continuations.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        continuation?.finish(throwing: error)
    }
}
