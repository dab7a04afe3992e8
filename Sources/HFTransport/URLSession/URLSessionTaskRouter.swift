import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends each task's delegate callbacks to its ``URLSessionTransferState``.
final class URLSessionTaskRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let states = LockedState<[Int: URLSessionTransferState]>([:])

    func register(_ state: URLSessionTransferState, for task: URLSessionTask) {
        states.withLock { $0[task.taskIdentifier] = state }
    }

    private func state(for task: URLSessionTask) -> URLSessionTransferState? {
        states.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        state(for: dataTask)?.receive(response)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        state(for: dataTask)?.receive(data)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // Not followed here: the 3xx becomes the response, and the client's redirect policy decides
        // (Foundation on Linux would copy every header, the token's included, to any origin).
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let state = states.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        state?.complete(error)
    }
}
