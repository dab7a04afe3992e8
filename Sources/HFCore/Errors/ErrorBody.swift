import Foundation

/// What an error response body says, read from any of the shapes the services use.
///
/// Shapes seen from the Hub, the legacy API, text-generation servers and OpenAI-compatible
/// providers (protocol notes §8.2): `{"error": "…"}`, `{"error": ["…", "…"]}`,
/// `{"error": {"message", "type", "code"}}`, `{"detail": "…"}` or a FastAPI list of
/// `{"msg"}` objects, `{"message": "…"}`, OAuth's `{"error", "error_description"}`,
/// `{"errors": [{"message"}]}`, `{"error", "estimated_time"}`, plain text, and problem+json
/// (`title`/`detail`). HTML error pages are not quoted.
package struct ErrorBody: Sendable {
    /// The human message, if the body had one.
    package var message: String?
    /// `error_type` (text-generation servers) or `error.type` (OpenAI style).
    package var errorType: String?
    /// `error.code` (OpenAI style), as text.
    package var code: String?
    /// `estimated_time` in seconds (a model still loading).
    package var estimatedTime: Double?

    package init(data: Data, contentType: String?) {
        guard !data.isEmpty else { return }
        if let json = try? JSONParser.parse(data), case .object(let object) = json {
            read(object)
            return
        }
        let text = String(decoding: data.prefix(4096), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = text.prefix(512).lowercased()
        let isHTML = (contentType?.lowercased().contains("html") ?? false) || lowered.hasPrefix("<!doctype") || lowered.hasPrefix("<html")
        if !isHTML, !text.isEmpty {
            message = text.count > 1000 ? String(text.prefix(1000)) + "…" : text
        }
    }

    /// Parses an object already decoded, such as an error event inside a stream.
    package init(object: JSONObject) {
        read(object)
    }

    private mutating func read(_ object: JSONObject) {
        var parts: [String] = []
        switch object["error"] {
        case .string(let text)?:
            parts.append(text)
        case .array(let items)?:
            parts.append(items.compactMap(Self.text(of:)).joined(separator: "; "))
        case .object(let nested)?:
            if let text = nested["message"].flatMap(Self.text(of:)) { parts.append(text) }
            errorType = nested["type"]?.stringValue
            code = nested["code"].flatMap(Self.text(of:))
        default:
            break
        }
        if let description = object["error_description"]?.stringValue { parts.append(description) }
        if parts.isEmpty, let detail = object["detail"] {
            switch detail {
            case .string(let text): parts.append(text)
            case .array(let items):
                parts.append(items.compactMap { $0["msg"]?.stringValue ?? Self.text(of: $0) }.joined(separator: "; "))
            default: break
            }
        }
        if parts.isEmpty, let text = object["message"]?.stringValue { parts.append(text) }
        if parts.isEmpty, let errors = object["errors"]?.arrayValue {
            parts.append(errors.compactMap { $0["message"]?.stringValue ?? Self.text(of: $0) }.joined(separator: "; "))
        }
        if parts.isEmpty, let title = object["title"]?.stringValue { parts.append(title) }
        let joined = parts.filter { !$0.isEmpty }.joined(separator: ": ")
        message = joined.isEmpty ? nil : joined
        errorType = errorType ?? object["error_type"]?.stringValue
        estimatedTime = object["estimated_time"]?.doubleValue
    }

    private static func text(of value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .integer, .unsigned, .double, .bool: return value.description
        case .null: return nil
        default: return value.description
        }
    }
}
