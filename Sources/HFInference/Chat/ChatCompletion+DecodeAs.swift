import Foundation
import HFCore

// Structured output: the reply's text, asked for as JSON (`responseFormat`), read into the caller's
// own type. A content that is not that JSON fails with a `decoding` error quoting the start of it.

extension ChatCompletion {
    /// The first choice's content decoded as `Value`: structured output.
    ///
    /// Whitespace around the JSON, and a Markdown code fence some models wrap it in, are ignored.
    /// Throws a ``HFError/Category/decoding`` error when there is no content (no choice, or only
    /// tool calls), or when it is not JSON of `Value`'s shape; the error says where and quotes the
    /// content (its first 200 characters, in ``HFError/bodySnippet`` too). When the answer stopped
    /// at the token limit, the suggestion says to raise `maxTokens`.
    ///
    /// ```swift
    /// struct Outing: Decodable { let location: String; let animals: [String] }
    /// var request = ChatCompletionRequest(model: .llama3_3_70BInstruct, messages: [.user("What did I see in the park?")])
    /// request.responseFormat = .jsonSchema(name: "outing", schema: ["type": "object", "properties": ["location": ["type": "string"], "animals": ["type": "array"]]])
    /// let outing = try await client.inference.chat(request).decode(as: Outing.self)
    /// ```
    public func decode<Value: Decodable>(as type: Value.Type = Value.self, using decoder: JSONDecoder = JSONDecoder()) throws(HFError) -> Value {
        guard let choice = choices.first else {
            throw HFError(category: .decoding, message: "The reply has no choices, so there is no content to decode as \(Value.self).")
        }
        do {
            return try choice.message.decode(as: type, using: decoder)
        } catch var error where choice.finishReason == .length {
            // JSON cut off by the token limit is the usual cause, not a model that ignored the format.
            error.recoverySuggestion = "The answer stopped at the token limit (finish reason `length`) before the JSON was complete: raise `maxTokens` and send again."
            throw error
        }
    }
}

extension ChatCompletion.Message {
    /// The content decoded as `Value`; see ``ChatCompletion/decode(as:using:)``.
    ///
    /// ```swift
    /// let outing = try completion.choices[1].message.decode(as: Outing.self)
    /// ```
    public func decode<Value: Decodable>(as type: Value.Type = Value.self, using decoder: JSONDecoder = JSONDecoder()) throws(HFError) -> Value {
        guard let content, !content.allSatisfy(\.isWhitespace) else {
            throw HFError(category: .decoding, message: "The reply has no content to decode as \(Value.self)\(toolCalls?.isEmpty == false ? "; the model called tools instead" : "").")
        }
        do {
            return try decoder.decode(Value.self, from: Data(Self.unfenced(content).utf8))
        } catch {
            let quote = HFError.snippet(of: Data(content.utf8), limit: 200)
            var failure = HFError(
                category: .decoding,
                message: "The reply's content could not be decoded as \(Value.self): \(HFClient.describe(error)). It begins: \(quote)",
                recoverySuggestion: "Ask for JSON with `responseFormat` (`.jsonSchema(name:schema:)` or `.jsonObject`) and check that the model supports it; the content is in `bodySnippet`."
            )
            failure.bodySnippet = quote
            failure.underlyingError = error
            failure.underlyingDescription = "\(error)"
            throw failure
        }
    }

    /// `text` without surrounding whitespace and without a Markdown code fence around it.
    private static func unfenced(_ text: String) -> Substring {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)[...]
        guard body.hasPrefix("```"), body.hasSuffix("```"), body.count >= 6, let firstLine = body.firstIndex(of: "\n") else { return body }
        body = body[body.index(after: firstLine)..<body.index(body.endIndex, offsetBy: -3)]
        return body
    }
}
