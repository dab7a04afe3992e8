import Foundation
import HFCore

extension Inference {
    /// Decodes a 2xx reply; a body that is an error object (some servers send `{"error": …}` with
    /// 200) becomes the error it reports rather than a decoding failure.
    package func decodeReply<Value: Decodable>(_ type: Value.Type, from response: HTTPResponse, json: JSONValue? = nil, provider: Provider?) throws(HFError) -> Value {
        do {
            guard let json else { return try client.decode(type, from: response) }
            return try JSONDecoder().decode(type, from: JSONValueEncoder().encode(json))
        } catch {
            let parsed = json ?? (try? JSONParser.parse(response.body))
            if let reported = parsed?["error"], !reported.isNull {
                throw HFError(response: response, provider: provider, secret: client.configuration.token)
            }
            throw error as? HFError ?? client.decodingError(describing: error, response: response, expected: "\(Value.self)")
        }
    }
}
