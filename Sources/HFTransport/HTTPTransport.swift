import Foundation

/// Moves bytes between the client and a server: one exchange per call.
///
/// Two operations: ``send(_:)`` for a response read whole, and ``stream(_:)`` for a response whose
/// body is consumed as it arrives. Implementations return every HTTP status as a response (mapping
/// statuses to errors is the client's job, after middleware has seen them), redirects included:
/// the client follows them under one policy for every transport. They throw only when no response
/// could be had, preferably an ``HTTPTransportError`` (network failure, timeout, cancellation, or
/// a body over ``HTTPLimits/maximumResponseSize``). They honour ``HTTPRequest/limits`` and cancel
/// the transfer at once when the calling task is cancelled or the body stream is dropped.
///
/// The default is ``CurlTransport/shared`` on Linux and ``URLSessionTransport`` on Apple platforms.
///
/// ```swift
/// struct Recording: HTTPTransport {
///     let base: any HTTPTransport
///     func send(_ request: HTTPRequest) async throws -> HTTPResponse {
///         print(request.method, request.route)
///         return try await base.send(request)
///     }
///     func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse { try await base.stream(request) }
/// }
/// let client = HFClient(configuration: HFConfiguration(), transport: Recording(base: HFClient.makeDefaultTransport()))
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends `request` and reads the whole response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Sends `request` and returns once the response head has arrived; the body follows as chunks.
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse
}

extension HTTPStreamingResponse {
    /// Reads the rest of the body, failing once it passes `limit` bytes.
    package func collect(limit: Int) async throws -> HTTPResponse {
        var body = [UInt8]()
        for try await chunk in self.body {
            guard body.count + chunk.count <= limit else {
                throw HTTPTransportError.responseTooLarge(limit: limit)
            }
            body.append(contentsOf: chunk)
        }
        return HTTPResponse(head: head, body: Data(body))
    }
}
