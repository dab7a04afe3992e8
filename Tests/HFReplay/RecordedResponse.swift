import Foundation

/// A response exactly as the live service returned it.
public struct RecordedResponse: Sendable, Equatable {
    /// HTTP status code.
    public var status: Int
    /// Header fields; names are lower-case. May include recorded framing headers
    /// (`transfer-encoding`), which the replay server replaces with its own.
    public var headers: [String: String]
    /// The body bytes; empty when the response had none.
    public var body: Data
    /// Whether the body was recorded as bytes (`body_base64`, e.g. images and audio) rather than
    /// UTF-8 text. Binary bodies are never rewritten by the replay server.
    public var isBinary: Bool

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), isBinary: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.isBinary = isBinary
    }

    /// The body as UTF-8 text; `nil` for binary bodies.
    public var bodyText: String? {
        isBinary ? nil : String(data: body, encoding: .utf8)
    }

    /// The recorded `content-type`, if any.
    public var contentType: String? {
        headers["content-type"]
    }
}
