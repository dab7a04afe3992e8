import Foundation

/// One recorded test case: the HTTP traffic the official Python client exchanged with the live
/// Hugging Face services for one of its tests, loaded from `Recorded/<fileStem>.json`.
///
/// Loading is cached per file, so repeated `load` calls across tests cost one decode.
public struct RecordedCase: Sendable, Equatable {
    /// The recorded test's name, e.g. `TestInferenceClient.test_chat_completion_no_stream[cerebras,conversational]`.
    public let name: String
    /// Where the recording came from (cassette, commit, licence).
    public let origin: String
    /// The exchanges, in the order the official client made them.
    public let interactions: [RecordedInteraction]
    /// The file name without `.json`, as passed to ``load(_:)``.
    public let fileStem: String

    public init(name: String, origin: String, interactions: [RecordedInteraction], fileStem: String) {
        self.name = name
        self.origin = origin
        self.interactions = interactions
        self.fileStem = fileStem
    }

    /// The directory holding the recorded JSON files (inside the `HFReplay` resource bundle).
    public static var directory: URL {
        if let url = Bundle.module.url(forResource: "Recorded", withExtension: nil) {
            return url
        }
        return Bundle.module.bundleURL.appendingPathComponent("Recorded", isDirectory: true)
    }

    /// Loads `Recorded/<fileStem>.json`, e.g.
    /// `"TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational"`.
    /// - Throws: ``ReplayError/fixtureNotFound(_:)`` or ``ReplayError/invalidFixture(file:reason:)``.
    public static func load(_ fileStem: String) throws -> RecordedCase {
        if let cached = cache.withLock({ $0[fileStem] }) {
            return cached
        }
        let url = directory.appendingPathComponent(fileStem + ".json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ReplayError.fixtureNotFound(fileStem)
        }
        let loaded = try RecordedFixtureDecoding.decodeCase(at: url, fileStem: fileStem)
        cache.withLock { $0[fileStem] = loaded }
        return loaded
    }

    /// Every recorded case, sorted by file name.
    public static func all() throws -> [RecordedCase] {
        try allFileStems().map(load)
    }

    /// The file stems of every recorded case, sorted.
    public static func allFileStems() throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ReplayError.fixtureNotFound(directory.path)
        }
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    // Decoding the image-heavy cases takes tens of milliseconds; tests load the same files repeatedly.
    private static let cache = Locked<[String: RecordedCase]>([:])
}
