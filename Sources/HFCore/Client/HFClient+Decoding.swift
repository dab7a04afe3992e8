import Foundation
@_spi(JSONReader) import HFJSON

// The two ways the package reads a reply, each over the one tokenizer: a type's own pull reader
// (`JSONReadable`, for hot replies: chat completions, stream chunks, embeddings) or `Decodable`
// over the parsed value (`JSONValueDecoder`, for the rest). A body that cannot be read becomes a
// `decoding` error quoting it, unless it is an error object sent with a 2xx status.

extension HFClient {
    /// Reads a 2xx reply with the type's own reader, from the shape the route's provider answers.
    package func read<Value: JSONReadable>(
        _ type: Value.Type, from response: HTTPResponse, shape: ResponseShape = .canonical, context: HFRequestContext
    ) throws(HFError) -> Value {
        do {
            switch shape {
            case .canonical: return try Value(json: response.body)
            case .objectOrFirstElement: return try Value(jsonOrFirstElement: response.body)
            }
        } catch {
            throw decodingError(describing: error, response: response, expected: "\(Value.self)", context: context)
        }
    }

    /// Decodes a 2xx reply with `Decodable`, over the parsed value.
    package func decode<Value: Decodable>(_ type: Value.Type, from response: HTTPResponse, context: HFRequestContext) throws(HFError) -> Value {
        let json = try parseJSON(from: response, context: context)
        do {
            return try JSONValueDecoder().decode(type, from: json)
        } catch {
            throw decodingError(describing: error, response: response, expected: "\(Value.self)", context: context)
        }
    }

    /// Parses a 2xx reply into a ``JSONValue``, keeping key order.
    package func parseJSON(from response: HTTPResponse, context: HFRequestContext) throws(HFError) -> JSONValue {
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw decodingError(describing: error, response: response, expected: "JSON", context: context)
        }
    }

    /// The error for a 2xx `response` that could not be read as `expected`: the error the body
    /// reports when it is an error object (some servers answer `{"error": …}` with status 200),
    /// else a ``HFError/Category/decoding`` error quoting the body.
    package func decodingError(describing error: any Error, response: HTTPResponse, expected: String, context: HFRequestContext) -> HFError {
        if let reported = errorReported(by: response) { return finalize(reported, context: context) }
        var decoding = HFError.decoding(
            "The response could not be read as \(expected): \(Self.describe(error))",
            body: response.body, status: response.status, requestID: response.headers["X-Request-Id"]
        )
        decoding.underlyingError = error
        return finalize(decoding, context: context)
    }

    /// The error a 2xx body reports, when the body is a JSON object with a non-null `error`.
    package func errorReported(by response: HTTPResponse) -> HFError? {
        guard response.body.first == UInt8(ascii: "{"), let json = try? JSONParser.parse(response.body),
              let reported = json["error"], !reported.isNull
        else { return nil }
        return HFError(response: response)
    }

    /// A decoding error in a line: what was wrong, and where.
    package static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the top level" : String(keys.drop { $0 == "." })
        }
        switch decodingError {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(let type, let context): return "expected \(type) at \(path(context)) (\(context.debugDescription))"
        case .valueNotFound(let type, let context): return "null where \(type) was expected at \(path(context))"
        case .dataCorrupted(let context): return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(decodingError)"
        }
    }
}
