import Foundation

/// One part of a multi-part message: `{"type":"text",…}` or `{"type":"image_url",…}`.
///
/// ```swift
/// let question = ChatMessage.user([.text("What is in this image?"), .image(data: png, mimeType: "image/png")])
/// ```
public enum ChatContentPart: Sendable, Hashable, Codable {
    /// A text part.
    case text(String)
    /// An image by URL: `https://…` or a `data:<mime>;base64,…` URI. `detail` is OpenAI's optional
    /// `"auto"`, `"low"` or `"high"`; most providers ignore it.
    case imageURL(String, detail: String? = nil)

    /// An image sent inline as a `data:` URI.
    ///
    /// ```swift
    /// .user([.text("Describe this."), .image(data: png, mimeType: "image/png")])
    /// ```
    public static func image(data: Data, mimeType: String) -> ChatContentPart {
        .imageURL("data:\(mimeType);base64,\(data.base64EncodedString())")
    }

    private enum CodingKeys: String, CodingKey {
        case type, text
        case imageURL = "image_url"
    }

    private enum ImageKeys: String, CodingKey {
        case url, detail
    }

    /// Reads a part by its `type`; a type other than `text` and `image_url` fails, naming it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "text":
            self = .text(try container.decode(String.self, forKey: .text))
        case "image_url":
            let image = try container.nestedContainer(keyedBy: ImageKeys.self, forKey: .imageURL)
            self = .imageURL(try image.decode(String.self, forKey: .url), detail: try image.decodeIfPresent(String.self, forKey: .detail))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown content part type \"\(other)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode("text", forKey: .type)
            try container.encode(text, forKey: .text)
        case .imageURL(let url, let detail):
            try container.encode("image_url", forKey: .type)
            var image = container.nestedContainer(keyedBy: ImageKeys.self, forKey: .imageURL)
            try image.encode(url, forKey: .url)
            try image.encodeIfPresent(detail, forKey: .detail)
        }
    }
}
