import Foundation

/// Decodes the neutral JSON shape of `Recorded/*.json` into ``RecordedCase`` values.
enum RecordedFixtureDecoding {
    private struct FileShape: Decodable {
        var name: String
        var origin: String
        var interactions: [InteractionShape]
    }

    private struct InteractionShape: Decodable {
        var request: RequestShape
        var response: ResponseShape
    }

    private struct RequestShape: Decodable {
        var method: String
        var url: String
        var headers: [String: String]?
        var body: String?
        var body_base64: String?
    }

    private struct ResponseShape: Decodable {
        var status: Int
        var headers: [String: String]?
        var body: String?
        var body_base64: String?
    }

    static func decodeCase(at url: URL, fileStem: String) throws -> RecordedCase {
        let file: FileShape
        do {
            file = try JSONDecoder().decode(FileShape.self, from: Data(contentsOf: url))
        } catch {
            throw ReplayError.invalidFixture(file: fileStem, reason: "\(error)")
        }
        var interactions: [RecordedInteraction] = []
        interactions.reserveCapacity(file.interactions.count)
        for (index, shape) in file.interactions.enumerated() {
            func fail(_ reason: String) -> ReplayError {
                .invalidFixture(file: fileStem, reason: "interaction \(index): \(reason)")
            }
            guard let requestURL = URL(string: shape.request.url), requestURL.host != nil else {
                throw fail("bad request URL \(shape.request.url)")
            }
            guard let requestBody = body(text: shape.request.body, base64: shape.request.body_base64) else {
                throw fail("request body_base64 is not valid base64")
            }
            guard let responseBody = body(text: shape.response.body, base64: shape.response.body_base64) else {
                throw fail("response body_base64 is not valid base64")
            }
            let request = RecordedRequest(
                method: shape.request.method.uppercased(),
                url: requestURL,
                headers: lowercasedKeys(shape.request.headers),
                body: requestBody.data.isEmpty ? nil : requestBody.data,
                isBinary: requestBody.isBinary
            )
            let response = RecordedResponse(
                status: shape.response.status,
                headers: lowercasedKeys(shape.response.headers),
                body: responseBody.data,
                isBinary: responseBody.isBinary
            )
            interactions.append(RecordedInteraction(request: request, response: response))
        }
        return RecordedCase(name: file.name, origin: file.origin, interactions: interactions, fileStem: fileStem)
    }

    /// `nil` only when base64 is present but malformed.
    private static func body(text: String?, base64: String?) -> (data: Data, isBinary: Bool)? {
        if let base64, !base64.isEmpty {
            guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else { return nil }
            return (data, true)
        }
        return (Data((text ?? "").utf8), false)
    }

    private static func lowercasedKeys(_ headers: [String: String]?) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in headers ?? [:] {
            result[name.lowercased()] = value
        }
        return result
    }
}
