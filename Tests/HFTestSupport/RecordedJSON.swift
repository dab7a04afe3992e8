import Foundation
import HFCore
import HFReplay
@_spi(JSONReader) import HFJSON

// JSON access to recorded and received bodies through the package's own ordered parser, so tests
// can compare what a client sent or decoded with what was recorded, field by field.

extension RecordedRequest {
    /// The recorded body parsed as JSON.
    public func jsonBody() throws -> JSONValue {
        try JSONParser.parse(body ?? Data())
    }
}

extension RecordedResponse {
    /// The recorded body parsed as JSON.
    public func jsonBody() throws -> JSONValue {
        try JSONParser.parse(body)
    }
}

extension ReceivedRequest {
    /// The body the client sent, parsed as JSON.
    public func jsonBody() throws -> JSONValue {
        try JSONParser.parse(body)
    }
}

extension RecordedCase {
    /// The model id of the case's Hub look-up (`GET /api/models/{id}`), the first interaction.
    public var hubModelID: String? {
        let path = interactions.first { $0.request.method == "GET" && $0.request.url.path.hasPrefix("/api/models/") }?.request.url.path
        return path.map { String($0.dropFirst("/api/models/".count)) }
    }

    /// The first interaction whose request is a POST: the inference call.
    public var inferenceInteraction: RecordedInteraction? {
        interactions.first { $0.request.method == "POST" }
    }
}

extension JSONValue {
    /// The element at `index` when this is an array.
    public subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// The `(role, content)` pairs of a recorded chat body's `messages`, for messages with text content.
    public var textMessages: [(role: String, content: String)] {
        (self["messages"]?.arrayValue ?? []).compactMap { message in
            guard let role = message["role"]?.stringValue, let content = message["content"]?.stringValue else { return nil }
            return (role, content)
        }
    }
}

extension ReplayServer {
    /// A server answering every interaction of the case `stem`, in recorded order, on `url`: for
    /// cases recorded on a route the client no longer uses (the legacy serverless API).
    public static func serving(_ stem: String, at method: String = "POST", _ url: String) throws -> (ReplayServer, RecordedCase) {
        let recorded = try RecordedCase.load(stem)
        let server = try ReplayServer()
        for interaction in recorded.interactions {
            server.serve(interaction, at: Route(method, url))
        }
        return (server, recorded)
    }
}

extension ReplayServer {
    /// A server answering only the inference call (the first POST) of the case `stem`, on `url`:
    /// for a reply recorded on one route and served on another that answers the same way.
    public static func serving(inferenceOf stem: String, at url: String) throws -> (ReplayServer, RecordedInteraction) {
        let recorded = try RecordedCase.load(stem)
        guard let interaction = recorded.inferenceInteraction else { throw ReplayError.invalidFixture(file: stem, reason: "no POST interaction") }
        let server = try ReplayServer()
        server.serve(interaction, at: Route("POST", url))
        return (server, interaction)
    }
}

extension JSONDecodingError {
    /// The shape error, or `nil` for a syntax error.
    @_spi(JSONReader) public var shape: JSONShapeError? {
        if case .shape(let shape) = self { return shape }
        return nil
    }

    /// The syntax failure, or `nil` for a shape error.
    @_spi(JSONReader) public var syntax: JSONSyntaxError? {
        if case .syntax(let failure) = self { return failure }
        return nil
    }
}
