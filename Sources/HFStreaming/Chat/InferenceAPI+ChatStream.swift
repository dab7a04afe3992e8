import Foundation
import HFCore
import HFInference
@_spi(JSONReader) import HFJSON

/// A streamed chat completion: typed chunks, or `.text` for the text alone.
public typealias ChatCompletionStream = InferenceStream<ChatCompletionChunk>

extension InferenceAPI {
    /// Streams a chat completion as it is generated.
    ///
    /// The request is checked now (a bad field throws a ``HFError/Category/validation`` error) and
    /// sent when iteration starts, with `"stream": true` and `Accept: text/event-stream`.
    ///
    /// ```swift
    /// var request = ChatCompletionRequest(model: .llama3_3_70BInstruct, messages: [.user("Count to 10")])
    /// request.streamOptions = StreamOptions(includeUsage: true)
    /// for try await chunk in try client.inference.chatStream(request) {
    ///     print(chunk.text ?? "", terminator: "")
    ///     if let usage = chunk.usage { print("\n\(usage.totalTokens ?? 0) tokens") }
    /// }
    /// ```
    public func chatStream(_ request: ChatCompletionRequest, via target: ChatTarget = .router) throws(HFError) -> ChatCompletionStream {
        try Self.validate(request, target: target)
        let inference = self
        return InferenceStream(client: client, codec: .chat) {
            try await inference.client.perform(inference.chatContext(request, target: target, streaming: true)) { operation in
                try await inference.client.openStream(inference.chatCall(request, via: target, stream: true, operation: operation))
            }
        }
    }

    /// Streams the answer to one question.
    ///
    /// ```swift
    /// for try await piece in try client.inference.chatStream("Count to 10", model: .llama3_8BInstruct).text {
    ///     print(piece, terminator: "")
    /// }
    /// ```
    public func chatStream(_ prompt: String, model: ModelID, system: String? = nil, via target: ChatTarget = .router) throws(HFError) -> ChatCompletionStream {
        try Validation.nonBlank(prompt, field: "prompt")
        let messages = (system.map { [ChatMessage.system($0)] } ?? []) + [.user(prompt)]
        return try chatStream(ChatCompletionRequest(model: model, messages: messages), via: target)
    }
}

extension StreamCodec where Element == ChatCompletionChunk {
    static let chat = StreamCodec(
        decode: { bytes throws(JSONDecodingError) in try ChatCompletionChunk(json: bytes) },
        text: { $0.text },
        isFinal: { chunk in chunk.choices.contains { $0.finishReason != nil } },
        wholeReply: { data in [ChatCompletionChunk(try ChatCompletion(json: data))] }
    )
}
