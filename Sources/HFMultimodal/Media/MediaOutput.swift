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
public struct MediaOutput: Sendable, Hashable {
    /// The file's bytes.
    public let data: Data
    /// Its media type (`image/png`, `audio/flac`, …), from the response, else from the bytes.
    public let contentType: String

    public init(data: Data, contentType: String) {
        self.data = data
        self.contentType = contentType
    }

    /// A usual file name extension for ``contentType`` (`png`, `jpg`, `flac`, …); `bin` when unknown.
    public var fileExtension: String {
        let known = [
            "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/tiff": "tiff",
            "image/bmp": "bmp", "image/heic": "heic", "image/avif": "avif", "application/pdf": "pdf",
            "audio/flac": "flac", "audio/x-flac": "flac", "audio/wav": "wav", "audio/x-wav": "wav", "audio/wave": "wav",
            "audio/mpeg": "mp3", "audio/ogg": "ogg", "audio/mp4": "m4a", "audio/aiff": "aiff", "audio/webm": "webm",
            "video/mp4": "mp4", "video/webm": "webm", "video/quicktime": "mov",
        ]
        return known[contentType] ?? "bin"
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
