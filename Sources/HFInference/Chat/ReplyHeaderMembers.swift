@_spi(JSONReader) import HFJSON
import HFCore

/// The members a chat reply and a stream chunk share (`id`, `object`, `created`, `model`,
/// `system_fingerprint`, `usage`), read once for both, as ``MessageMembers`` does for messages.
package struct ReplyHeaderMembers {
    package private(set) var id: String?
    package private(set) var object: String?
    package private(set) var created: Int?
    package private(set) var model: String?
    package private(set) var systemFingerprint: String?
    package private(set) var usage: TokenUsage?

    /// Reads a reply object; `other` reads the members that differ (`choices`, …) and returns
    /// `false` for those it does not know, which are skipped.
    package init(
        reading reader: inout JSONReader,
        other: (inout JSONReader, JSONKey) throws(JSONDecodingError) -> Bool
    ) throws(JSONDecodingError) {
        var members = ReplyHeaderMembers()
        try reader.decodeMembers { reader, key throws(JSONDecodingError) in
            switch key {
            case "id": members.id = try reader.decodeString()
            case "object": members.object = try reader.decodeString()
            case "created": members.created = try reader.decodeInt()
            case "model": members.model = try reader.decodeString()
            case "system_fingerprint": members.systemFingerprint = try reader.decodeString()
            case "usage": members.usage = try reader.decode(TokenUsage.self)
            default: return try other(&reader, key)
            }
            return true
        }
        self = members
    }

    private init() {}
}
