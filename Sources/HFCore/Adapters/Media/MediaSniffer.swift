import Foundation

/// The media type of a file from its first bytes, for inputs given without one and for results a
/// provider sends as bare base64. Recognises the image, audio, video and document formats the
/// inference tasks take; anything else is `application/octet-stream`, which servers sniff again.
package enum MediaSniffer {
    package static let unknown = "application/octet-stream"

    package static func mediaType(of data: Data) -> String {
        let head = [UInt8](data.prefix(16))
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }

        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if ascii("GIF87a") || ascii("GIF89a") { return "image/gif" }
        if ascii("RIFF"), ascii("WEBP", at: 8) { return "image/webp" }
        if ascii("RIFF"), ascii("WAVE", at: 8) { return "audio/wav" }
        if ascii("FORM"), ascii("AIFF", at: 8) || ascii("AIFC", at: 8) { return "audio/aiff" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        // "BM", then the file size, then four reserved zero bytes: text that starts "BM" is not one.
        if ascii("BM"), head.count >= 14, head[6..<10].allSatisfy({ $0 == 0 }) { return "image/bmp" }
        if ascii("%PDF-") { return "application/pdf" }
        if ascii("fLaC") { return "audio/flac" }
        if ascii("OggS") { return "audio/ogg" }
        if ascii("ID3") { return "audio/mpeg" }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return "video/webm" }
        if ascii("ftyp", at: 4), head.count >= 12 {
            switch String(decoding: head[8..<12], as: UTF8.self) {
            case "M4A ", "M4B ": return "audio/mp4"
            case "qt  ": return "video/quicktime"
            case "heic", "heix", "mif1": return "image/heic"
            case "avif": return "image/avif"
            default: return "video/mp4"
            }
        }
        // An MPEG audio frame without an ID3 tag: 11 set sync bits, a valid layer.
        if head.count >= 2, head[0] == 0xFF, head[1] & 0xE0 == 0xE0, head[1] & 0x06 != 0 { return "audio/mpeg" }
        return unknown
    }

    /// A usual file name extension for `type` (`png`, `jpg`, `flac`, …); `bin` when unknown.
    package static func fileExtension(for type: String) -> String {
        extensions[type] ?? "bin"
    }

    private static let extensions = [
        "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/tiff": "tiff",
        "image/bmp": "bmp", "image/heic": "heic", "image/avif": "avif", "application/pdf": "pdf",
        "audio/flac": "flac", "audio/x-flac": "flac", "audio/wav": "wav", "audio/x-wav": "wav", "audio/wave": "wav",
        "audio/mpeg": "mp3", "audio/mp3": "mp3", "audio/ogg": "ogg", "audio/mp4": "m4a", "audio/aiff": "aiff",
        "audio/webm": "webm", "video/mp4": "mp4", "video/webm": "webm", "video/quicktime": "mov",
    ]

    /// Whether `type` is written as a media type (`type/subtype`, then parameters): only token
    /// characters, so it can go in a header or a data URI as it is.
    package static func isWellFormed(_ type: String) -> Bool {
        let essence = type.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let parts = essence.split(separator: "/", omittingEmptySubsequences: false)
        let token = CharacterSet(charactersIn: "!#$&-^_.+abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let parameters = CharacterSet(charactersIn: " =;/\"").union(token)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(token.contains) }
            && type.unicodeScalars.allSatisfy(parameters.contains) && type.count <= 255
    }

    /// `declared` unless it says nothing (absent, empty, or a generic binary type), else what the
    /// bytes show; parameters (`; charset=…`) are dropped.
    package static func mediaType(declared: String?, of data: Data) -> String {
        let type = declared?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if type.isEmpty || type == unknown || type == "binary/octet-stream" { return mediaType(of: data) }
        return type
    }
}
