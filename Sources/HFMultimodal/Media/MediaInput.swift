import Foundation
import HFCore

/// An image, audio clip or document for a task, as you have it: bytes, a file, a URL, or base64.
///
/// The media type is taken from what you give, else from the file's first bytes (PNG, JPEG, GIF,
/// WebP, TIFF, BMP, PDF, FLAC, WAV, MP3, Ogg, MP4/M4A, WebM); a file or download larger than
/// ``HFConfiguration/maximumUploadSize`` fails with a `validation` error before it is sent.
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
    /// The media type as given; `nil` to sniff it from the bytes.
    public let contentType: String?

    /// Bytes in memory.
    public static func data(_ data: Data, contentType: String? = nil) -> MediaInput {
        MediaInput(source: .data(data), contentType: contentType)
    }

    /// A local file, read when the call is made.
    public static func file(_ url: URL, contentType: String? = nil) -> MediaInput {
        MediaInput(source: .file(url), contentType: contentType)
    }

    /// A file on the web, downloaded when the call is made (without your token, which is meant for
    /// Hugging Face only), or a `data:` URI.
    public static func url(_ url: URL) -> MediaInput {
        MediaInput(source: .remote(url), contentType: nil)
    }

    /// Base64 text, with or without a `data:…;base64,` prefix.
    public static func base64(_ text: String, contentType: String? = nil) -> MediaInput {
        MediaInput(source: .base64(text), contentType: contentType)
    }

    /// The bytes and media type, checked against `client`'s upload limit. Local inputs are read
    /// without the network; a remote one is fetched within `context`'s call.
    func load(_ field: String, client: HFClient, context: HFRequestContext) async throws -> TaskMedia {
        let limit = client.configuration.maximumUploadSize
        let data: Data
        var declared = contentType
        switch source {
        case .data(let bytes):
            data = bytes
        case .base64(let text):
            if let inline = TaskMedia(dataURI: text) {
                data = inline.data
                declared = declared ?? inline.contentType
            } else if let decoded = Data(base64Encoded: text, options: .ignoreUnknownCharacters), !decoded.isEmpty {
                data = decoded
            } else {
                throw HFError.validation(field: field, "is not valid base64")
            }
        case .file(let url):
            data = try Self.read(url, field: field, limit: limit)
        case .remote(let url):
            if let inline = TaskMedia(dataURI: url.absoluteString) {
                data = inline.data
                declared = inline.contentType
            } else {
                let response = try await Self.download(url, field: field, client: client, context: context)
                data = response.body
                declared = response.headers["Content-Type"]
            }
        }
        guard !data.isEmpty else { throw HFError.validation(field: field, "is empty") }
        guard data.count <= limit else {
            throw HFError.validation(field: field, "is \(data.count) bytes; uploads are limited to \(limit) bytes (HFConfiguration.maximumUploadSize)")
        }
        return TaskMedia(data: data, contentType: MediaSniffer.mediaType(declared: declared, of: data))
    }

    private static func read(_ url: URL, field: String, limit: Int) throws(HFError) -> Data {
        guard url.isFileURL else {
            throw .validation(field: field, "\(url.absoluteString.prefix(200)) is not a file URL; use MediaInput.url for web addresses")
        }
        let size: Int
        do {
            size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw .validation(field: field, "cannot read \(url.path): no such file, or no permission")
        }
        guard size <= limit else {
            throw .validation(field: field, "\(url.lastPathComponent) is \(size) bytes; uploads are limited to \(limit) bytes (HFConfiguration.maximumUploadSize)")
        }
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw .validation(field: field, "cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    private static func download(_ url: URL, field: String, client: HFClient, context: HFRequestContext) async throws -> HTTPResponse {
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            throw HFError.validation(field: field, "\(url.absoluteString.prefix(200)) is neither an http(s) URL nor a data URI; use MediaInput.file for local files")
        }
        var request = HTTPRequest(method: .get, url: url, headers: ["User-Agent": client.configuration.userAgent, "Accept": "*/*"], limits: client.configuration.limits)
        // One byte over the limit is enough to know the file is too large.
        request.limits.maximumResponseSize = client.configuration.maximumUploadSize + 1
        var download = context
        download.token = .never
        do {
            return try await client.exchange(request, context: download)
        } catch let error as HFError where error.category == .responseTooLarge {
            throw HFError.validation(field: field, "the file at \(url.host ?? "the URL") is larger than the upload limit of \(client.configuration.maximumUploadSize) bytes (HFConfiguration.maximumUploadSize)")
        }
    }
}
