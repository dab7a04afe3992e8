import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HFReplay

/// Plain URLSession requests against the replay server (libcurl-backed on Linux).
enum HTTP {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration)
    }()

    static func send(
        _ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> (body: Data, response: HTTPURLResponse) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        return (data, response as! HTTPURLResponse)
    }

    /// Replays a recorded request against the server, with its recorded headers and body.
    static func replay(_ request: RecordedRequest, on server: ReplayServer) async throws -> (body: Data, response: HTTPURLResponse) {
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
