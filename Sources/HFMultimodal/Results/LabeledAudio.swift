import Foundation
import HFCore

/// One output of audio-to-audio (a separated voice, a denoised track): its label and the audio.
public struct LabeledAudio: Sendable, Hashable, Codable {
    public let label: String
    public let audio: MediaOutput

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
        let text = try container.decode(String.self, forKey: .blob)
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
            throw DecodingError.dataCorruptedError(forKey: .blob, in: container, debugDescription: "the audio is not base64")
        }
        let declared = try container.decodeIfPresent(String.self, forKey: .contentType)
        audio = MediaOutput(data: data, contentType: MediaSniffer.mediaType(declared: declared, of: data))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(audio.data.base64EncodedString(), forKey: .blob)
        try container.encode(audio.contentType, forKey: .contentType)
    }
}
