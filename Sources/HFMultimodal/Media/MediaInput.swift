import Foundation
import HFCore

/// An image, audio clip or document for a task, as you have it: bytes, a file, a URL, or base64.
///
/// The media type is taken from what you give, else from the file's first bytes (PNG, JPEG, GIF,
/// WebP, TIFF, BMP, PDF, FLAC, WAV, MP3, Ogg, MP4/M4A, WebM). Everything that can be checked
/// without the network is checked before anything is sent: the type's syntax, that a file exists,
/// is a regular file and is not larger than ``HFConfiguration/maximumUploadSize``, that base64
/// decodes. A URL is downloaded after the call's route is known, without your token (which is
/// meant for Hugging Face only), and refused past the same limit.
///
/// ```swift
/// let photo = MediaInput.file(URL(fileURLWithPath: "cat.jpg"))
/// let clip = MediaInput.data(wavBytes, contentType: "audio/wav")
/// let remote = MediaInput.url(URL(string: "https://example.com/dog.png")!)
/// ```
public struct MediaInput: Sendable, Hashable {
    enum Source: Sendable, Hashable {
        case data(Data)
        case file(URL)
        case remote(URL)
        case base64(String)
    }

    let source: Source
    /// The media type as given; `nil` to take it from the bytes.
    public let contentType: String?

    /// Bytes in memory.
    public static func data(_ data: Data, contentType: String? = nil) -> MediaInput {
        MediaInput(source: .data(data), contentType: contentType)
    }

    /// A local file, read when the call is made.
    public static func file(_ url: URL, contentType: String? = nil) -> MediaInput {
        MediaInput(source: .file(url), contentType: contentType)
    }

    /// A file on the web, downloaded when the call is made, or a `data:` URI. The type is the one
    /// given, else the server's (unless generic), else the bytes'.
    public static func url(_ url: URL, contentType: String? = nil) -> MediaInput {
        MediaInput(source: .remote(url), contentType: contentType)
    }

    /// Base64 text, with or without a `data:…;base64,` prefix.
    public static func base64(_ text: String, contentType: String? = nil) -> MediaInput {
        MediaInput(source: .base64(text), contentType: contentType)
    }

    /// The input once the checks that need no network have passed: the file, or the URL still to
    /// fetch.
    enum Prepared: Sendable {
        case ready(TaskMedia)
        case remote(URL, contentType: String?)
    }

    /// Checks and reads everything local, without the network.
    func prepare(_ field: String, limit: Int) throws(HFError) -> Prepared {
        guard limit > 0 else {
            throw .validation(field: "maximumUploadSize", "must be at least 1 byte, got \(limit)")
        }
        if let contentType, !MediaSniffer.isWellFormed(contentType) {
            throw .validation(field: field, "the content type \"\(contentType.prefix(80))\" is not a media type such as image/png")
        }
        switch source {
        case .data(let bytes):
            return .ready(try Self.checked(bytes, declared: contentType, field: field, limit: limit))
        case .base64(let text):
            guard let file = TaskMedia(base64OrDataURI: text, contentType: contentType) else {
                throw .validation(field: field, "is not valid base64")
            }
            return .ready(try Self.checked(file.data, declared: file.contentType, field: field, limit: limit))
        case .file(let url):
            return .ready(try Self.checked(try Self.read(url, field: field, limit: limit), declared: contentType, field: field, limit: limit))
        case .remote(let url):
            if let inline = TaskMedia(dataURI: url.absoluteString) {
                return .ready(try Self.checked(inline.data, declared: contentType ?? inline.contentType, field: field, limit: limit))
            }
            guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host?.isEmpty == false else {
                throw .validation(field: field, "\(url.absoluteString.prefix(200)) is neither an http(s) URL nor a data URI; use MediaInput.file for local files")
            }
            return .remote(url, contentType: contentType)
        }
    }

    private static func checked(_ data: Data, declared: String?, field: String, limit: Int) throws(HFError) -> TaskMedia {
        guard !data.isEmpty else { throw .validation(field: field, "is empty") }
        guard data.count <= limit else {
            throw .validation(field: field, "is \(data.count) bytes; uploads are limited to \(limit) bytes (HFConfiguration.maximumUploadSize)")
        }
        return TaskMedia(data: data, contentType: MediaSniffer.mediaType(declared: declared, of: data))
    }

    /// A regular file's bytes, refused from its size before it is read; at most one byte past the
    /// limit is ever read, so a file that grows meanwhile cannot exhaust memory.
    private static func read(_ url: URL, field: String, limit: Int) throws(HFError) -> Data {
        guard url.isFileURL else {
            throw .validation(field: field, "\(url.absoluteString.prefix(200)) is not a file URL; use MediaInput.url for web addresses")
        }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw .validation(field: field, "cannot read \(url.path): no such file, or no permission")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw .validation(field: field, "\(url.path) is not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            throw .validation(field: field, "\(url.lastPathComponent) is \(size) bytes; uploads are limited to \(limit) bytes (HFConfiguration.maximumUploadSize)")
        }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return try handle.read(upToCount: limit == .max ? limit : limit + 1) ?? Data()
        } catch {
            throw .validation(field: field, "cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}

extension MediaInput.Prepared {
    /// The file, downloading a remote one within `context`'s call: without credentials, at most
    /// one byte past the limit. A download the server refuses, or a web page where a file was
    /// expected, is a validation error on `field`.
    func load(_ field: String, client: HFClient, context: HFRequestContext) async throws -> TaskMedia {
        switch self {
        case .ready(let media):
            return media
        case .remote(let url, let contentType):
            let limit = client.configuration.maximumUploadSize
            let response: HTTPResponse
            do {
                response = try await client.download(url, from: .caller, maximumSize: limit == .max ? limit : limit + 1, context: context)
            } catch let error as HFError where error.category == .responseTooLarge {
                throw HFError.validation(field: field, "the file at \(url.host ?? "the URL") is larger than the upload limit of \(limit) bytes (HFConfiguration.maximumUploadSize)")
            } catch let error as HFError where error.status != nil {
                throw HFError.validation(field: field, error.message + " Check the URL, or pass the file's bytes.")
            }
            let served = response.headers["Content-Type"]
            if contentType == nil, let served, served.lowercased().hasPrefix("text/html") {
                throw HFError.validation(field: field, "\(url.host ?? "the URL") answered with a web page, not a file; use the file's direct address")
            }
            guard !response.body.isEmpty else { throw HFError.validation(field: field, "the file at \(url.host ?? "the URL") is empty") }
            return TaskMedia(data: response.body, contentType: MediaSniffer.mediaType(declared: contentType ?? served, of: response.body))
        }
    }
}
