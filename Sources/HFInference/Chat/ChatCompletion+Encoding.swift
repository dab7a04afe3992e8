import HFCore

// Replies encode to the shape they are read from (see `ChatCompletion+JSON.swift`), written by
// `ReplyEncoding.swift`, so a reply can be stored, cached or passed on by a proxy and read back
// equal. Members the types do not model (a provider's timing and filter reports…) were dropped
// when reading and are not written.

/// Writes the reply as a server sends it.
///
/// ```swift
/// let stored = try JSONEncoder().encode(completion)
/// let restored = try JSONDecoder().decode(ChatCompletion.self, from: stored)   // == completion
/// ```
extension ChatCompletion: Encodable, EncodableReply {}

extension ChatCompletion.Choice: Encodable, EncodableChoice {
    package static var bodyKey: String { "message" }
    package var body: ChatCompletion.Message { message }
}

extension ChatCompletion.Message: Encodable, EncodableMessage {}
