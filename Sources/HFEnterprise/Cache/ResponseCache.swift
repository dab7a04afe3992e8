/// Whole successful responses kept for a while: least recently used first out, each entry living
/// for a time to live, within bounds on entries and bytes, with statistics.
///
/// A cache answers without asking the server, so it serves one account: share it between clients
/// only through ``CacheMiddleware`` partitions (see there). Only 2xx responses are stored. An
/// expired entry is dropped when it is next looked up or evicted, or by ``removeExpired()``.
///
/// ```swift
/// let cache = ResponseCache(maximumEntries: 10_000, maximumBytes: 64 << 20, timeToLive: .seconds(3600))
/// let client = HFClient(middleware: [CacheMiddleware(cache: cache)])
/// _ = try await client.embeddings.embed("Hello", model: .allMiniLML6v2)   // asks the server
/// _ = try await client.embeddings.embed("Hello", model: .allMiniLML6v2)   // from the cache
/// print(cache.statistics.hits)                                           // 1
/// ```
public final class ResponseCache: Sendable {
    private struct Entry {
        let response: HTTPResponse
        let expires: ContinuousClock.Instant
        let size: Int
    }

    private struct State {
        var entries = LRUStore<CacheKey, Entry>()
        var statistics = CacheStatistics()

        mutating func remove(_ key: CacheKey) {
            if let entry = entries.remove(key) { forget(entry) }
        }

        mutating func forget(_ entry: Entry) {
            statistics.bytes -= entry.size
        }
    }

    /// The most entries held at once.
    public let maximumEntries: Int
    /// The most bytes held at once: request and response bodies and URLs. A larger response is
    /// not stored.
    public let maximumBytes: Int
    /// How long an entry lives unless stored with a time of its own.
    public let timeToLive: Duration
    /// The clock entries expire by.
    public let clock: any HFClock
    private let state = LockedState(State())

    /// - Parameters:
    ///   - maximumEntries: the most entries held at once (0 stores nothing).
    ///   - maximumBytes: the most bytes held at once (request and response bodies and URLs).
    ///   - timeToLive: how long an entry lives.
    ///   - clock: the clock entries expire by.
    public init(maximumEntries: Int = 1024, maximumBytes: Int = 32 << 20, timeToLive: Duration = .seconds(600), clock: any HFClock = .system) {
        self.maximumEntries = max(0, maximumEntries)
        self.maximumBytes = max(0, maximumBytes)
        self.timeToLive = timeToLive
        self.clock = clock
    }

    /// The response stored for `key` if it has not expired; a hit makes it the most recently used.
    public func response(for key: CacheKey) -> HTTPResponse? {
        let now = clock.now
        return state.withLock { state in
            guard let entry = state.entries.use(key) else {
                state.statistics.misses += 1
                return nil
            }
            guard now < entry.expires else {
                state.remove(key)
                state.statistics.expirations += 1
                state.statistics.misses += 1
                return nil
            }
            state.statistics.hits += 1
            return entry.response
        }
    }

    /// Stores `response` for `key` for `timeToLive` (default: the cache's), replacing an entry of
    /// the same key, then evicts the least recently used entries until the bounds hold. A non-2xx
    /// response, or one larger than ``maximumBytes``, is not stored.
    public func store(_ response: HTTPResponse, for key: CacheKey, timeToLive: Duration? = nil) {
        let size = key.size + response.body.count
        let lifetime = timeToLive ?? self.timeToLive
        guard response.head.isSuccess, size <= maximumBytes, maximumEntries > 0, lifetime > .zero else { return }
        let now = clock.now
        state.withLock { state in
            state.remove(key)
            state.entries.insert(Entry(response: response, expires: now + lifetime, size: size), for: key)
            state.statistics.insertions += 1
            state.statistics.bytes += size
            while state.entries.count > maximumEntries || state.statistics.bytes > maximumBytes,
                  let (oldest, entry) = state.entries.leastRecentlyUsed {
                state.remove(oldest)
                if now < entry.expires { state.statistics.evictions += 1 } else { state.statistics.expirations += 1 }
            }
        }
    }

    /// Drops every expired entry now; returns how many.
    @discardableResult
    public func removeExpired() -> Int {
        let now = clock.now
        return state.withLock { state in
            let expired = state.entries.removeAll { $0.expires <= now }
            for entry in expired { state.forget(entry) }
            state.statistics.expirations += expired.count
            return expired.count
        }
    }

    /// Drops every entry (the statistics' counters stay).
    public func removeAll() {
        state.withLock { state in
            state.entries.removeAll()
            state.statistics.bytes = 0
        }
    }

    /// What the cache has done, and holds now.
    public var statistics: CacheStatistics {
        state.withLock { state in
            var statistics = state.statistics
            statistics.entries = state.entries.count
            return statistics
        }
    }
}
