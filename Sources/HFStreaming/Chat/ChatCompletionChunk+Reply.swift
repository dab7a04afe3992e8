import HFInference

extension ChatCompletionChunk {
    /// A whole reply as one chunk, for a server that answered a streaming request without streaming.
    init(_ completion: ChatCompletion) {
        self.init(
            id: completion.id, object: completion.object, created: completion.created, model: completion.model,
            systemFingerprint: completion.systemFingerprint,
            choices: completion.choices.map { choice in
                let message = choice.message
                let calls = message.toolCalls?.enumerated().map { index, call in
                    ToolCallDelta(index: index, id: call.id, type: call.type, function: .init(name: call.function.name, arguments: call.function.arguments))
                }
                return Choice(
                    index: choice.index,
                    delta: Delta(role: message.role, content: message.content, reasoning: message.reasoning, toolCalls: calls),
                    finishReason: choice.finishReason,
                    logprobs: choice.logprobs
                )
            },
            usage: completion.usage
        )
    }
}
