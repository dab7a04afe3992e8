import Foundation

/// Provider mappings fetched from the Hub, kept per client for a while.
///
/// Concurrent look-ups of the same model share one Hub request. Entries expire after the
/// configured time rather than living forever (providers are added and removed), and failures are
/// not cached.
actor ProviderMappingCache {
    private struct Entry {
        let mappings: [ProviderMapping]
        let expires: ContinuousClock.Instant
    }

    private let timeToLive: Duration
    private var entries: [String: Entry] = [:]
    private var inFlight: [String: Task<[ProviderMapping], any Error>] = [:]

    init(timeToLive: Duration) {
        self.timeToLive = timeToLive
    }

    /// The cached mappings for `model`, or the result of `fetch`, shared with concurrent callers.
    func mappings(for model: String, fetch: @escaping @Sendable () async throws -> [ProviderMapping]) async throws -> [ProviderMapping] {
        if let entry = entries[model], entry.expires > .now {
            return entry.mappings
        }
        if let task = inFlight[model] {
            return try await task.value
        }
        let task = Task { try await fetch() }
        inFlight[model] = task
        defer { inFlight[model] = nil }
        let mappings = try await task.value
        entries[model] = Entry(mappings: mappings, expires: .now + timeToLive)
        return mappings
    }

    /// Forgets everything, e.g. after the account's provider preferences changed.
    func removeAll() {
        entries.removeAll()
    }
}
