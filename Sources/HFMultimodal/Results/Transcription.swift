import Foundation

/// What speech recognition heard: the text and, when asked for or given, timed pieces of it.
///
/// ```swift
/// let heard = try await client.multimodal.transcribe(.file(clipURL), model: "openai/whisper-large-v3", returnTimestamps: true)
/// print(heard.text)
/// ```
public struct Transcription: Sendable, Hashable, Codable {
    /// All that was heard.
    public let text: String
    /// Timed pieces, in order; empty when the model gave none.
    public let chunks: [Chunk]

    /// A transcription.
    public init(text: String, chunks: [Chunk] = []) {
        self.text = text
        self.chunks = chunks
    }

    /// A piece of the text and when it was said, in seconds from the start.
    ///
    /// ```swift
    /// for chunk in heard.chunks { print(chunk.start ?? 0, chunk.end ?? 0, chunk.text) }
    /// ```
    public struct Chunk: Sendable, Hashable, Codable {
        /// The words of this piece.
        public let text: String
        /// When it starts.
        public let start: Double?
        /// `nil` when the model did not say (the last chunk of a cut-off clip).
        public let end: Double?

        /// A timed piece.
        public init(text: String, start: Double?, end: Double?) {
            self.text = text
            self.start = start
            self.end = end
        }
    }

    private enum CodingKeys: String, CodingKey {
        case text, output, chunks, segments
    }

    /// A chunk as hf-inference and fal send it, and as it is written back.
    private struct TimestampedChunk: Codable {
        let text: String
        let timestamp: [Double?]?
    }

    // hf-inference and fal send `chunks[].timestamp: [start, end]`; OpenAI-style servers send
    // `segments[]` with `start` and `end`; fal's older models put the text in `output`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self.text = text
        } else {
            text = try container.decode(String.self, forKey: .output)
        }
        if let chunks = try container.decodeIfPresent([TimestampedChunk].self, forKey: .chunks) {
            self.chunks = chunks.map { Chunk(text: $0.text, start: $0.timestamp?.first ?? nil, end: $0.timestamp.flatMap { $0.count > 1 ? $0[1] : nil }) }
        } else {
            chunks = try container.decodeIfPresent([Chunk].self, forKey: .segments) ?? []
        }
    }

    /// Writes hf-inference's form, which reads back equal: `text`, and `chunks` with
    /// `timestamp: [start, end]` when there are any.
    ///
    /// ```swift
    /// let stored = try JSONEncoder().encode(transcription)   // {"text":"…","chunks":[{"text":"…","timestamp":[0,4.08]}]}
    /// ```
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        guard !chunks.isEmpty else { return }
        try container.encode(chunks.map { TimestampedChunk(text: $0.text, timestamp: [$0.start, $0.end]) }, forKey: .chunks)
    }
}
