import Foundation

/// How a provider's reply becomes the task's canonical one (what hf-inference answers): a JSON
/// result kept as it is, an image given as base64 decoded to bytes, a result URL downloaded. An
/// API group reads only canonical replies, so it never knows which provider answered.
package struct ReplyConversion: Sendable {
    private let convert: (@Sendable (HTTPResponse, ReplyContext) async throws -> HTTPResponse)?

    package init(_ convert: @escaping @Sendable (HTTPResponse, ReplyContext) async throws -> HTTPResponse) {
        self.convert = convert
    }

    private init() {
        convert = nil
    }

    /// The reply is canonical already.
    package static let none = ReplyConversion()

    package func apply(to response: HTTPResponse, _ context: ReplyContext) async throws -> HTTPResponse {
        guard let convert else { return response }
        return try await convert(response, context)
    }
}

/// What a reply conversion may use: the client, for JSON parsing and errors that name the call,
/// and downloads of the result URLs a provider hands back.
package struct ReplyContext: Sendable {
    package let client: HFClient
    package let call: TaskCall

    package init(client: HFClient, call: TaskCall) {
        self.client = client
        self.call = call
    }

    /// The reply parsed as JSON; a body that is not JSON fails as a decoding error quoting it.
    package func json(_ response: HTTPResponse) throws(HFError) -> JSONValue {
        try client.parseJSON(from: response, context: call.context)
    }

    /// A decoding error for a reply that does not hold what the task needs.
    package func unreadable(_ response: HTTPResponse, _ problem: String) -> HFError {
        client.decodingError(describing: ReplyShapeError(description: problem), response: response, expected: "a \(call.context.task?.rawValue ?? "task") result", context: call.context)
    }

    /// A canonical media reply: the bytes, with their declared type unless it says nothing.
    package func media(_ data: Data, declaredType: String?) -> HTTPResponse {
        let type = MediaSniffer.mediaType(declared: declaredType, of: data)
        return HTTPResponse(head: HTTPResponseHead(status: 200, headers: ["Content-Type": type]), body: data)
    }

    /// A canonical media reply from base64 text (an `image` or `b64_json` field, or a data URI).
    package func media(base64 text: String, declaredType: String? = nil, from response: HTTPResponse) throws(HFError) -> HTTPResponse {
        guard let file = TaskMedia(base64OrDataURI: text, contentType: declaredType) else {
            throw unreadable(response, "the result is not valid base64")
        }
        return media(file.data, declaredType: file.contentType)
    }

    /// The result at `location`, a URL the provider returned: a `data:` URI is decoded here; an
    /// https URL outside private networks is fetched without credentials
    /// (``HFClient/download(_:from:maximumSize:context:)``).
    package func download(_ location: String, declaredType: String? = nil, from response: HTTPResponse) async throws -> HTTPResponse {
        if location.prefix(5).lowercased() == "data:" {
            guard let inline = TaskMedia(dataURI: location) else { throw unreadable(response, "the result's data URI cannot be decoded") }
            return media(inline.data, declaredType: declaredType ?? inline.contentType)
        }
        guard let url = URL(string: location), url.scheme != nil else {
            throw unreadable(response, "the result URL \"\(location.prefix(200))\" is not a URL")
        }
        let downloaded = try await client.download(url, from: .reply(origin: call.request.url), maximumSize: client.configuration.maximumResponseSize, context: call.context)
        return media(downloaded.body, declaredType: downloaded.headers["Content-Type"] ?? declaredType)
    }
}

/// A reply that parsed but lacks what the task needs.
package struct ReplyShapeError: Error, CustomStringConvertible {
    package let description: String

    package init(description: String) {
        self.description = description
    }
}
