import HFFull

/// A chat answer as `hf chat --json` prints it, gathered from a whole reply or from stream chunks.
///
/// ```swift
/// var answer = ChatAnswer()
/// for try await chunk in stream { answer.add(chunk) }
/// try JSONOutput.print(answer)   // {"finishReason": "stop", "model": "…", "text": "…", "usage": {…}}
/// ```
struct ChatAnswer: Encodable {
    struct Usage: Encodable {
        var promptTokens: Int?
        var completionTokens: Int?
        var totalTokens: Int?

        init(_ usage: TokenUsage) {
            promptTokens = usage.promptTokens
            completionTokens = usage.completionTokens
            totalTokens = usage.totalTokens
        }
    }

    var text = ""
    var finishReason: String?
    var model: String?
    var usage: Usage?

    mutating func add(_ chunk: ChatCompletionChunk) {
        text += chunk.text ?? ""
        finishReason = chunk.finishReason?.rawValue ?? finishReason
        model = chunk.model ?? model
        usage = chunk.usage.map(Usage.init) ?? usage
    }

    mutating func add(_ reply: ChatCompletion) {
        text += reply.text ?? ""
        finishReason = reply.choices.first?.finishReason?.rawValue
        model = reply.model
        usage = reply.usage.map(Usage.init)
    }
}
