import Foundation
import HFCore
import HFReplay

/// Plain requests against the replay server through the package's own transport (libcurl on
/// Linux): Foundation's URLSession busy-loops on Linux while it waits, and that burnt CPU slowed
/// every other test running beside these.
enum HTTP {
    /// The status and headers of a reply, read the way these tests read them.
    struct Reply {
        let statusCode: Int
        let headers: HTTPHeaders

        func value(forHTTPHeaderField name: String) -> String? {
            headers[name]
        }
    }

    static let transport = HFClient.makeDefaultTransport()

    static func send(
        _ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> (body: Data, response: Reply) {
        let request = HTTPRequest(
            method: HTTPMethod(rawValue: method), url: url, headers: HTTPHeaders(headers.map { ($0.key, $0.value) }),
            body: body, limits: HTTPLimits(timeout: .seconds(30))
        )
        let response = try await transport.send(request)
        return (response.body, Reply(statusCode: response.status, headers: response.headers))
    }

    /// Replays a recorded request against the server, with its recorded headers and body.
    static func replay(_ request: RecordedRequest, on server: ReplayServer) async throws -> (body: Data, response: Reply) {
        try await send(request.method, server.url(for: request.url), headers: request.headers, body: request.body)
    }
}

enum Stems {
    static let chat = "TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational"
    static let chatStream = "TestInferenceClient.test_chat_completion_with_stream_cerebras_conversational"
    static let redirect = "InferenceApiTest.test_simple_inference"
    static let fal = "TestInferenceClient.test_text_to_image_default_fal-ai_text-to-image"
    static let bfl = "TestInferenceClient.test_text_to_image_default_black-forest-labs_text-to-image"
    static let replicateSpeech = "TestInferenceClient.test_text_to_speech_replicate_text-to-speech"
}
