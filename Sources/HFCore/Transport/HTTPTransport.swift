import Foundation

/// Moves bytes between the client and a server.
///
/// Two operations: ``send(_:)`` for a response read whole, and ``stream(_:)`` for a response whose
/// body is consumed as it arrives. Implementations return every HTTP status as a response (mapping
/// statuses to ``HFError`` is the client's job, after middleware has seen them) and throw
/// ``HFError`` only when no response could be had: network failure, timeout, cancellation, or a
/// body over ``HTTPLimits/maximumResponseSize``. They honour ``HTTPRequest/limits`` and cancel the
/// transfer at once when the calling task is cancelled or the body stream is dropped.
///
/// The default is ``CurlTransport`` on Linux and ``URLSessionTransport`` on Apple platforms.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and reads the whole response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Sends `request` and returns once the response head has arrived; the body follows as chunks.
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse
}

extension HTTPTransport {
    /// Reads a streamed response whole; for transports whose `send` is a stream read to the end.
    func collect(_ response: HTTPStreamingResponse, limit: Int) async throws -> HTTPResponse {
        var body = [UInt8]()
        for try await chunk in response.body {
            guard body.count + chunk.count <= limit else {
                throw HFError.responseTooLarge(limit: limit)
            }
            body.append(contentsOf: chunk)
        }
        return HTTPResponse(head: response.head, body: Data(body))
    }
}
