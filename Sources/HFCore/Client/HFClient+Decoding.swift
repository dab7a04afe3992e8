import Foundation

extension HFClient {
    /// Decodes a JSON response with Foundation's decoder; a mismatch becomes a
    /// ``HFError/Category/decoding`` error quoting the start of the body.
    public func decode<Value: Decodable>(_ type: Value.Type, from response: HTTPResponse) throws(HFError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            throw decodingError(describing: error, response: response, expected: "\(Value.self)")
        }
    }

    /// Decodes a JSON response with the type's own ``JSONReader``-based decoder, the fast path for
    /// hot replies; a mismatch becomes the same error as with ``decode(_:from:)``.
    package func read<Value: JSONReadable>(_ type: Value.Type, from response: HTTPResponse) throws(HFError) -> Value {
        do {
            return try Value(json: response.body)
        } catch {
            throw decodingError(describing: error, response: response, expected: "\(Value.self)")
        }
    }

    /// Parses a JSON response into a ``JSONValue``, keeping key order.
    public func parseJSON(from response: HTTPResponse) throws(HFError) -> JSONValue {
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw decodingError(describing: error, response: response, expected: "JSON")
        }
    }

    /// The error for a 2xx `response` that could not be read as `expected`: the error the body
    /// reports when it is an error object (some servers answer `{"error": …}` with status 200),
    /// else a ``HFError/Category/decoding`` error quoting the body. Scrubbed of the token.
    public func decodingError(describing error: any Error, response: HTTPResponse, expected: String) -> HFError {
        if let reported = errorReported(by: response) { return reported }
        let reason = configuration.token?.scrub(Self.describe(error)) ?? Self.describe(error)
        var decoded = HFError.decoding(
            "The response could not be read as \(expected): \(reason)",
            body: response.body, status: response.status, requestID: response.headers["X-Request-Id"]
        )
        decoded.bodySnippet = decoded.bodySnippet.map { configuration.token?.scrub($0) ?? $0 }
        return decoded
    }

    /// The error a 2xx body reports, when the body is a JSON object with a non-null `error`.
    public func errorReported(by response: HTTPResponse, provider: Provider? = nil) -> HFError? {
        guard response.body.first == UInt8(ascii: "{"), let json = try? JSONParser.parse(response.body),
            let reported = json["error"], !reported.isNull
        else { return nil }
        return HFError(response: response, provider: provider, secret: configuration.token)
    }

    private static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the top level" : String(keys.drop { $0 == "." })
        }
        switch decodingError {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(let type, let context): return "expected \(type) at \(path(context))"
        case .valueNotFound(let type, let context): return "null where \(type) was expected at \(path(context))"
        case .dataCorrupted(let context): return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(decodingError)"
        }
    }
}
