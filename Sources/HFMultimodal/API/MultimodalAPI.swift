import Foundation
import HFCore

extension HFClient {
    /// Vision, audio and text tasks: classification, detection, segmentation, captioning, question
    /// answering, image and speech generation, transcription, translation and more.
    ///
    /// ```swift
    /// let client = HFClient()
    /// let labels = try await client.multimodal.classifyImage(.file(URL(fileURLWithPath: "cat.jpg")), model: "google/vit-base-patch16-224")
    /// ```
    public var multimodal: MultimodalAPI { MultimodalAPI(client: self) }
}

/// Every task of Hugging Face's inference API besides chat, text generation and embeddings, on
/// hf-inference, the providers that serve it in one exchange (Together, Nebius, Hyperbolic,
/// nscale, DeepInfra, fal, Replicate), or your own endpoint (``TaskDestination``).
///
/// Inputs are checked before anything is sent; files are given as ``MediaInput`` and produced as
/// ``MediaOutput``. Each call is one operation for middleware (``HFOperation/task(_:)``), and its
/// errors are ``HFError``s.
///
/// ```swift
/// let labels = try await client.multimodal.classifyImage(.file(photoURL), model: "google/vit-base-patch16-224")
/// let speech = try await client.multimodal.textToSpeech("Hello!", model: "facebook/mms-tts-eng")
/// ```
public struct MultimodalAPI: Sendable {
    /// The client the calls go through.
    public let client: HFClient

    /// The task API of `client`; the same as `client.multimodal`.
    public init(client: HFClient) {
        self.client = client
    }

    /// One task call: the input checked, the file loaded, the route resolved for `destination`,
    /// the body shaped by the route's adapter, and the canonical reply handed to `read`. `shape`
    /// rewrites the canonical payload once the file is loaded, for tasks that nest the file in
    /// their JSON.
    func call<Result: Sendable>(
        _ task: InferenceTask,
        model: ModelID,
        via destination: TaskDestination,
        input: JSONObject,
        media: MediaInput? = nil,
        mediaField: String = "image",
        accept: String = "application/json",
        read: @escaping @Sendable (HTTPResponse, TaskCall) throws -> Result,
        shape: (@Sendable (TaskPayload) -> TaskPayload)? = nil
    ) async throws(HFError) -> Result {
        // A dedicated endpoint's model id only names the call in logs.
        if case .endpoint = destination {} else { try model.validate() }
        try Validation.finite(.object(input), field: "parameters")
        let prepared = try media?.prepare(mediaField, limit: client.configuration.maximumUploadSize)
        let client = self.client
        let target = destination.target(for: model)
        let operation = client.context(.task(task), task: task, model: model, provider: destination.provider(for: model))
        return try await client.perform(operation) { operation in
            // The route first: a provider that does not serve the task fails before a remote
            // input is downloaded.
            let route = try await client.route(task, model: model, to: target, context: operation)
            let file = try await prepared?.load(mediaField, client: client, context: operation)
            var payload = TaskPayload(json: input, media: file)
            if let shape { payload = shape(payload) }
            let call = try route.call(payload, client: client, accept: accept, operation: operation)
            let response = try await client.run(call)
            return try read(response, call)
        }
    }

    /// A task whose result is a file: the canonical reply's bytes. A JSON reply is not a file: it
    /// is the error it reports, or a decoding error quoting it.
    func media(
        _ task: InferenceTask, model: ModelID, via destination: TaskDestination, input: JSONObject,
        media: MediaInput? = nil, mediaField: String = "image", accept: String
    ) async throws(HFError) -> MediaOutput {
        let client = self.client
        return try await call(task, model: model, via: destination, input: input, media: media, mediaField: mediaField, accept: accept) { response, call in
            let type = response.headers["Content-Type"]?.lowercased() ?? ""
            if type.hasPrefix("application/json") || type.hasPrefix("text/") {
                throw client.decodingError(
                    describing: ReplyShapeError(description: "expected a file but the reply is \(type)"),
                    response: response, expected: "a file", context: call.context
                )
            }
            return MediaOutput(response)
        }
    }

    /// A task whose result is JSON, decoded as `Value`.
    func json<Value: Decodable & Sendable>(
        _ type: Value.Type, _ task: InferenceTask, model: ModelID, via destination: TaskDestination,
        input: JSONObject, media: MediaInput? = nil, mediaField: String = "image"
    ) async throws(HFError) -> Value {
        let client = self.client
        return try await call(task, model: model, via: destination, input: input, media: media, mediaField: mediaField) { response, call in
            try client.decode(Value.self, from: response, context: call.context)
        }
    }

    /// A task whose result is a text under `key` (`generated_text`, `summary_text`,
    /// `translation_text`), in the object or in the first element of a list holding it.
    func text(
        at key: String, _ task: InferenceTask, model: ModelID, via destination: TaskDestination,
        input: JSONObject, media: MediaInput? = nil
    ) async throws(HFError) -> String {
        let client = self.client
        return try await call(task, model: model, via: destination, input: input, media: media) { response, call in
            let json = try client.parseJSON(from: response, context: call.context)
            guard let text = (json.arrayValue?.first ?? json)[key]?.stringValue else {
                throw client.decodingError(
                    describing: ReplyShapeError(description: "no \"\(key)\" text, in the object or the first element of a list"),
                    response: response, expected: "a \(task) result", context: call.context
                )
            }
            return text
        }
    }

    /// `{"inputs": inputs, "parameters": {…}}`, the parameters without `nil`s or nulls (the
    /// Python client drops them); the `parameters` member is always there, as that client sends it.
    static func body(inputs: JSONValue?, _ parameters: [(String, JSONValue?)], extra: JSONObject = [:]) -> JSONObject {
        var body = JSONObject()
        if let inputs { body["inputs"] = inputs }
        var object = JSONObject(parameters.compactMap { key, value in value.map { (key, $0) } })
        for (key, value) in extra where !value.isNull { object[key] = value }
        body["parameters"] = .object(object)
        return body
    }
}

extension HFOperation {
    /// A task call of `client.multimodal`, named by the task in the style of the other
    /// operations: `imageClassification`, `automaticSpeechRecognition`, …
    public static func task(_ task: InferenceTask) -> HFOperation {
        let words = task.rawValue.split(separator: "-")
        return HFOperation(rawValue: (words.first.map(String.init) ?? "") + words.dropFirst().map(\.capitalized).joined())
    }
}
