import Foundation

/// A task's input in Hugging Face's own shape, before an adapter shapes it for a provider: the
/// hf-inference JSON body (`{"inputs": …, "parameters": {…}}`) and, for image and audio tasks, the
/// file the task works on, kept as bytes so a provider that takes raw bytes, a data URI or a
/// multipart part gets it without a base64 round trip.
///
/// When ``media`` is set and ``json`` has no `inputs`, the media *is* the input: hf-inference
/// sends it as the whole body, or base64 in `inputs` when there are parameters (protocol §7.1).
package struct TaskPayload: Sendable {
    package var json: JSONObject
    package var media: TaskMedia?

    package init(json: JSONObject, media: TaskMedia? = nil) {
        self.json = json
        self.media = media
    }

    /// The `parameters` object, without null members; empty when there is none.
    package var parameters: JSONObject {
        JSONObject((json["parameters"]?.objectValue ?? JSONObject()).filter { !$0.value.isNull }.map { ($0.key, $0.value) })
    }
}

/// A file sent to or received from a task: its bytes and media type.
package struct TaskMedia: Sendable, Hashable {
    package var data: Data
    package var contentType: String

    package init(data: Data, contentType: String) {
        self.data = data
        self.contentType = contentType
    }

    /// `data:{type};base64,{bytes}`, as fal and Replicate take files inline.
    package var dataURI: String {
        "data:\(contentType);base64,\(data.base64EncodedString())"
    }

    /// The bytes of a `data:` URI, with its media type (`application/octet-stream` when it names
    /// none); `nil` when `text` is not a base64 or percent-encoded data URI.
    package init?(dataURI text: String) {
        guard text.prefix(5).lowercased() == "data:", let comma = text.firstIndex(of: ",") else { return nil }
        let header = text[text.index(text.startIndex, offsetBy: 5)..<comma]
        let payload = text[text.index(after: comma)...]
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let type = parts.first.flatMap { $0.contains("/") ? $0.lowercased() : nil } ?? MediaSniffer.unknown
        if parts.contains(where: { $0.lowercased() == "base64" }) {
            guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters), !data.isEmpty else { return nil }
            self.init(data: data, contentType: type)
        } else {
            guard let data = Self.percentDecoded(payload) else { return nil }
            self.init(data: data, contentType: type)
        }
    }

    /// The bytes of base64 text, or of a `data:` URI holding the file; `nil` when it is neither
    /// or holds nothing. The media type is the URI's, if any.
    package init?(base64OrDataURI text: String, contentType: String? = nil) {
        if let inline = TaskMedia(dataURI: text) {
            self.init(data: inline.data, contentType: contentType ?? inline.contentType)
        } else if let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters), !data.isEmpty {
            self.init(data: data, contentType: MediaSniffer.mediaType(declared: contentType, of: data))
        } else {
            return nil
        }
    }

    /// Percent-escapes decoded to bytes (not text: a data URI may hold binary).
    private static func percentDecoded(_ text: Substring) -> Data? {
        var bytes = Data()
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = utf8.next(), let low = utf8.next(), let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return bytes
    }
}
