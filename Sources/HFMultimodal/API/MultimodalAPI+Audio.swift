import Foundation
import HFCore

// Audio tasks: speech recognition, speech and audio generation, audio classification and
// audio-to-audio (protocol §7.2, §7.3, §7.5, §7.6).

extension MultimodalAPI {
    /// The text spoken in the audio, with timed chunks when asked for.
    ///
    /// ```swift
    /// let heard = try await client.multimodal.transcribe(.file(URL(fileURLWithPath: "sample.flac")), model: "openai/whisper-large-v3")
    /// print(heard.text)
    /// ```
    ///
    /// - Parameter returnTimestamps: ask for ``Transcription/chunks`` with start and end times.
    ///   On hf-inference, setting it sends the audio as base64 JSON instead of the raw body.
    /// - Parameter parameters: further parameters, sent as they are (`language`, …).
    public func transcribe(
        _ audio: MediaInput, model: ModelID, returnTimestamps: Bool? = nil, parameters: JSONObject = [:],
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> Transcription {
        let input = Self.body(inputs: nil, [("return_timestamps", returnTimestamps.map(JSONValue.bool))], extra: parameters)
        return try await json(Transcription.self, .automaticSpeechRecognition, model: model, via: destination, input: input, media: audio, mediaField: "audio")
    }

    /// Speech read from `text`, as audio bytes (FLAC, WAV or MP3, by model and provider).
    ///
    /// ```swift
    /// let speech = try await client.multimodal.textToSpeech("Hello world", model: "espnet/kan-bayashi_ljspeech_vits")
    /// try speech.write(to: URL(fileURLWithPath: "hello.\(speech.fileExtension)"))
    /// ```
    ///
    /// - Parameter parameters: sent as they are: a `voice` for OpenAI-style providers (Together,
    ///   DeepInfra), generation settings for hf-inference.
    public func textToSpeech(
        _ text: String, model: ModelID, parameters: JSONObject = [:], via destination: TaskDestination = .automatic
    ) async throws(HFError) -> MediaOutput {
        try Validation.nonBlank(text, field: "text")
        return try await media(.textToSpeech, model: model, via: destination, input: Self.body(inputs: .string(text), [], extra: parameters), accept: "*/*")
    }

    /// Music or sound made from a description, as audio bytes.
    public func textToAudio(
        _ text: String, model: ModelID, parameters: JSONObject = [:], via destination: TaskDestination = .automatic
    ) async throws(HFError) -> MediaOutput {
        try Validation.nonBlank(text, field: "text")
        return try await media(.textToAudio, model: model, via: destination, input: Self.body(inputs: .string(text), [], extra: parameters), accept: "*/*")
    }

    /// Labels for the audio (an emotion, a speaker's trait, a spoken command), best first.
    ///
    /// ```swift
    /// let labels = try await client.multimodal.classifyAudio(.file(clip), model: "superb/hubert-large-superb-er")
    /// ```
    public func classifyAudio(
        _ audio: MediaInput, model: ModelID, topK: Int? = nil, function: ClassificationFunction? = nil,
        via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [ClassificationLabel] {
        let input = try Self.classificationBody(inputs: nil, topK: topK, function: function)
        return try await json(ClassificationList.self, .audioClassification, model: model, via: destination, input: input, media: audio, mediaField: "audio").labels
    }

    /// Audio made from audio: separated sources, a denoised or enhanced track; each output
    /// labelled, with its media type.
    ///
    /// ```swift
    /// let sources = try await client.multimodal.audioToAudio(.file(mix), model: "speechbrain/sepformer-wham")
    /// try sources[0].audio.write(to: URL(fileURLWithPath: "voice.\(sources[0].audio.fileExtension)"))
    /// ```
    public func audioToAudio(
        _ audio: MediaInput, model: ModelID, via destination: TaskDestination = .automatic
    ) async throws(HFError) -> [LabeledAudio] {
        try await json([LabeledAudio].self, .audioToAudio, model: model, via: destination, input: Self.body(inputs: nil, []), media: audio, mediaField: "audio")
    }
}
