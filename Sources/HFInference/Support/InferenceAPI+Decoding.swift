import Foundation
import HFCore

extension InferenceAPI {
    /// Decodes a 2xx reply; a body that is an error object (some servers send `{"error": …}` with
    /// 200) becomes the error it reports rather than a decoding failure.
    package func decodeReply<Value: Decodable>(_ type: Value.Type, from response: HTTPResponse, json: JSONValue? = nil, provider: Provider?) throws(HFError) -> Value {
        do {
            guard let json else { return try client.decode(type, from: response) }
            return try JSONDecoder().decode(type, from: JSONValueEncoder().encode(json))
        } catch {
            throw (error as? HFError).map { $0.attributed(to: provider) }
                ?? client.decodingError(describing: error, response: response, expected: "\(Value.self)").attributed(to: provider)
        }
    }
}
