/// What a ``ResponseCache`` has done since it was created.
///
/// ```swift
/// let statistics = cache.statistics
/// print("hit rate \(statistics.hitRate), \(statistics.evictions) evicted, \(statistics.expirations) expired")
/// ```
public struct CacheStatistics: Sendable, Equatable {
    /// Lookups answered from the cache.
    public var hits = 0
    /// Lookups that found nothing usable (an expired entry included).
    public var misses = 0
    /// Responses stored.
    public var insertions = 0
    /// Entries removed to stay within the size bounds.
    public var evictions = 0
    /// Entries removed because their time to live had passed.
    public var expirations = 0
    /// Entries held now.
    public var entries = 0
    /// Bytes held now: request and response bodies and URLs.
    public var bytes = 0

    /// All zero.
    public init() {}

    /// Hits over lookups, 0 before the first lookup.
    public var hitRate: Double {
        hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses)
    }
}
