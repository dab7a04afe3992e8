import Foundation
import HFCore

/// A file a task produced (an image, audio, a video): its bytes and media type, as the provider
/// sent them. Nothing is decoded: hand the bytes to your platform's image or audio APIs, or write
/// them to a file.
///
/// ```swift
/// let image = try await client.multimodal.textToImage("An astronaut riding a horse", model: "black-forest-labs/FLUX.1-dev")
/// try image.write(to: URL(fileURLWithPath: "astronaut.\(image.fileExtension)"))
/// ```
public struct MediaOutput: Sendable, Hashable, Codable {
    /// The file's bytes.
    public let data: Data
    /// Its media type (`image/png`, `audio/flac`, …), from the response, else from the bytes.
    public let contentType: String

    /// A file's bytes and media type.
    public init(data: Data, contentType: String) {
        self.data = data
        self.contentType = contentType
    }

    /// A usual file name extension for ``contentType`` (`png`, `jpg`, `flac`, …); `bin` when unknown.
    public var fileExtension: String {
        MediaSniffer.fileExtension(for: contentType)
    }

    /// Writes the bytes to `url`, atomically.
    public func write(to url: URL) throws {
        try data.write(to: url, options: .atomic)
    }

    /// The media of a canonical reply.
    init(_ response: HTTPResponse) {
        self.init(data: response.body, contentType: MediaSniffer.mediaType(declared: response.headers["Content-Type"], of: response.body))
    }
}

extension MediaOutput: CustomStringConvertible {
    public var description: String {
        "MediaOutput(\(contentType), \(data.count) bytes)"
    }
}
