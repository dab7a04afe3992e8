import Foundation

/// A request body as a provider wants it.
package enum TaskBody: Sendable {
    /// A JSON object (`Content-Type: application/json`).
    case json(JSONObject)
    /// Raw bytes of a file, with its media type: hf-inference's binary-input form.
    case media(TaskMedia)
    /// `multipart/form-data`: OpenAI-style audio transcription.
    case multipart(MultipartForm)

}

/// A `multipart/form-data` body: text fields and files, in order.
package struct MultipartForm: Sendable {
    package enum Part: Sendable {
        case field(name: String, value: String)
        case file(name: String, filename: String, media: TaskMedia)
    }

    package var parts: [Part]
    /// Chosen per form at random, so no file's bytes can contain it by accident.
    package let boundary: String

    package init(_ parts: [Part] = []) {
        self.parts = parts
        boundary = "hf-swift-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    package var contentType: String {
        "multipart/form-data; boundary=\(boundary)"
    }

    /// The encoded body. Names and file names are quoted with `"` and line breaks escaped, as the
    /// HTML standard's form encoding does, so a caller's value cannot start a new part.
    package func encoded() -> Data {
        var body = Data()
        func line(_ text: String) {
            body.append(contentsOf: Array(text.utf8))
            body.append(contentsOf: [13, 10])
        }
        func quoted(_ text: String) -> String {
            text.replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: "\"", with: "%22")
        }
        for part in parts {
            line("--\(boundary)")
            switch part {
            case .field(let name, let value):
                line("Content-Disposition: form-data; name=\"\(quoted(name))\"")
                line("")
                line(value)
            case .file(let name, let filename, let media):
                line("Content-Disposition: form-data; name=\"\(quoted(name))\"; filename=\"\(quoted(filename))\"")
                line("Content-Type: \(quoted(media.contentType))")
                line("")
                body.append(media.data)
                body.append(contentsOf: [13, 10])
            }
        }
        line("--\(boundary)--")
        return body
    }
}
