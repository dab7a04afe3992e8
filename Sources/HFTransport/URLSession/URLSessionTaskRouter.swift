import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Security)
import Security
#endif

/// Sends each task's delegate callbacks to its ``URLSessionTransferState``.
///
/// One router serves every session of a transport; tasks are told apart by identity, since task
/// identifiers are unique only within a session.
final class URLSessionTaskRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let states = LockedState<[ObjectIdentifier: URLSessionTransferState]>([:])

    func register(_ state: URLSessionTransferState, for task: URLSessionTask) {
        states.withLock { $0[ObjectIdentifier(task)] = state }
    }

    private func state(for task: URLSessionTask) -> URLSessionTransferState? {
        states.withLock { $0[ObjectIdentifier(task)] }
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

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        #if canImport(Security)
        // Extra authorities join the system's roots (anchors-only off); the host name is still
        // checked. A chain that fails even so gets the default handling, which refuses it as usual.
        if challenge.protectionSpace.authenticationMethod == NSURLAuthenticationMethodServerTrust,
           let trust = challenge.protectionSpace.serverTrust,
           let extra = state(for: task)?.request.connection.additionalTrustedCertificates, !extra.isEmpty {
            let anchors = extra.compactMap { SecCertificateCreateWithData(nil, $0 as CFData) }
            SecTrustSetAnchorCertificates(trust, anchors as CFArray)
            SecTrustSetAnchorCertificatesOnly(trust, false)
            if SecTrustEvaluateWithError(trust, nil) {
                completionHandler(.useCredential, URLCredential(trust: trust))
                return
            }
        }
        #endif
        completionHandler(.performDefaultHandling, nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let state = states.withLock { $0.removeValue(forKey: ObjectIdentifier(task)) }
        state?.complete(error)
    }
}
