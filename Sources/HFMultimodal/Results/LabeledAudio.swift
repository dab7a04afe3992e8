import Foundation
import HFCore

/// One output of audio-to-audio (a separated voice, a denoised track): its label and the audio.
///
/// ```swift
/// for output in try await client.multimodal.audioToAudio(.file(clipURL), model: "speechbrain/sepformer-wham") {
///     try output.audio.write(to: folder.appendingPathComponent("\(output.label).\(output.audio.fileExtension)"))
/// }
/// ```
public struct LabeledAudio: Sendable, Hashable, Codable {
    /// What the output is (`label_0`, `vocals`).
    public let label: String
    /// The audio, with its media type.
    public let audio: MediaOutput

    /// A labelled output.
    public init(label: String, audio: MediaOutput) {
        self.label = label
        self.audio = audio
    }

    private enum CodingKeys: String, CodingKey {
        case label, blob
        case contentType = "content-type"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        let declared = try container.decodeIfPresent(String.self, forKey: .contentType)
        guard let file = TaskMedia(base64OrDataURI: try container.decode(String.self, forKey: .blob), contentType: declared) else {
            throw DecodingError.dataCorruptedError(forKey: .blob, in: container, debugDescription: "the audio is not base64")
        }
        audio = MediaOutput(data: file.data, contentType: MediaSniffer.mediaType(declared: file.contentType, of: file.data))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(audio.data.base64EncodedString(), forKey: .blob)
        try container.encode(audio.contentType, forKey: .contentType)
    }
}
