import Foundation
import HFCore

extension InferenceAPI {
    /// Decodes a 2xx reply already parsed as `json`; a body that is an error object (some servers
    /// send `{"error": …}` with 200) becomes the error it reports rather than a decoding failure.
    package func decodeReply<Value: Decodable>(_ type: Value.Type, from response: HTTPResponse, json: JSONValue, provider: Provider?) throws(HFError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: JSONValueEncoder().encode(json))
        } catch {
            throw client.decodingError(describing: error, response: response, expected: "\(Value.self)").attributed(to: provider)
        }
    }

    /// Decodes a 2xx reply with the type's own reader, the fast path; errors as for
    /// ``decodeReply(_:from:json:provider:)``.
    package func readReply<Value: JSONReadable>(_ type: Value.Type, from response: HTTPResponse, provider: Provider?) throws(HFError) -> Value {
        do {
            return try client.read(type, from: response)
        } catch {
            throw error.attributed(to: provider)
        }
    }
}
