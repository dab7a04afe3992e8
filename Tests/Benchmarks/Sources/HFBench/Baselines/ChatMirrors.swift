import Foundation

// What hand-written client code declares to talk to a chat completion server: `Codable` mirrors of
// the wire shapes, decoded with `JSONDecoder`. The baselines use them; ours converts the request to
// HFInference's type (``ChatRequestMirror/product``).

/// A chat completion request body.
struct ChatRequestMirror: Codable, Sendable {
    struct Message: Codable, Sendable {
        var role: String
        var content: String
    }

    var model: String
    var messages: [Message]
    var stream: Bool?
}

/// A chat completion, whole (`message`) or one event of a stream (`delta`): the two share a shape.
struct ChatReplyMirror: Decodable, Sendable {
    struct Choice: Decodable, Sendable {
        struct Message: Decodable, Sendable {
            var role: String?
            var content: String?
        }

        var index: Int?
        var message: Message?
        var delta: Message?
        var finish_reason: String?
    }

    var id: String?
    var model: String?
    var choices: [Choice]
    var usage: UsageMirror?
}

struct UsageMirror: Decodable, Sendable {
    var prompt_tokens: Int?
    var completion_tokens: Int?
    var total_tokens: Int?
}
