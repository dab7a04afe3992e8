import Foundation
import HFCore

/// A transport that answers every request with one stream held in memory, handed over in pieces
/// of `pieceSize` bytes as a network transport would: B2 measures decoding, not the network.
struct MemoryTransport: HTTPTransport {
    let body: Data
    let contentType: String
    var pieceSize = 64 << 10

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(head: head, body: body)
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        HTTPStreamingResponse(head: head, body: HTTPBodyStream(Pieces(body: body, size: pieceSize)))
    }

    private var head: HTTPResponseHead {
        HTTPResponseHead(status: 200, headers: ["Content-Type": contentType])
    }

    /// `body` cut into pieces, as an async sequence.
    struct Pieces: AsyncSequence, Sendable {
        typealias Element = Data
        let body: Data
        let size: Int

        func makeAsyncIterator() -> Iterator {
            Iterator(body: body, size: size)
        }

        struct Iterator: AsyncIteratorProtocol {
            let body: Data
            let size: Int
            var offset = 0

            init(body: Data, size: Int) {
                self.body = body
                self.size = size
                offset = body.startIndex
            }

            mutating func next() async -> Data? {
                guard offset < body.endIndex else { return nil }
                let end = Swift.min(offset + size, body.endIndex)
                defer { offset = end }
                return body[offset..<end]
            }
        }
    }
}
