import Foundation

/// Answers repeated deterministic requests from a ``ResponseCache`` without calling the server.
///
/// What is cached: embeddings and sentence similarity (``HFOperation/embeddings``,
/// ``HFOperation/sentenceSimilarity``) always; chat completions (``HFOperation/chat``) only with
/// `cachingDeterministicChat`, and then only requests whose body sets `temperature` to 0 or a
/// `seed` (the same answer again is what such a caller asks for, on providers that honour seeds).
/// Never cached: streams, error responses, anything else.
///
/// The key is the request's method, URL and body within a partition; the token is never part of
/// it (this middleware runs before the client adds the token). So a hit skips the server's
/// access check: entries of one partition must be shared only by clients of one account. By
/// default each middleware has a partition of its own; give clients of the same account the
/// same `partition` to share entries, and clients of different accounts different ones.
///
/// ```swift
/// let cache = ResponseCache(timeToLive: .seconds(3600))
/// let client = HFClient(middleware: [CacheMiddleware(cache: cache, cachingDeterministicChat: true)])
/// ```
public struct CacheMiddleware: HFMiddleware {
    /// Where responses are kept.
    public let cache: ResponseCache
    /// The part of the cache this middleware reads and writes.
    public let partition: String
    /// Whether chat requests with `temperature` 0 or a `seed` are cached.
    public let cachingDeterministicChat: Bool

    /// - Parameters:
    ///   - cache: where responses are kept; it may be shared.
    ///   - partition: the part of the cache to use; `nil` for one of this middleware's own, which no
    ///     other middleware sees. Entries are shared only within a partition: one per account.
    ///   - cachingDeterministicChat: cache chat requests whose body sets `temperature` 0 or a `seed`.
    public init(cache: ResponseCache, partition: String? = nil, cachingDeterministicChat: Bool = false) {
        self.cache = cache
        self.partition = partition ?? "middleware-" + UUID().uuidString
        self.cachingDeterministicChat = cachingDeterministicChat
    }

    /// Returns the cached response of a deterministic request, or sends it and keeps a 2xx answer.
    public func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
        guard !context.isStreaming, isDeterministic(request, context.operation) else { return try await next(request, context) }
        let key = CacheKey(request, partition: partition)
        if let cached = cache.response(for: key) {
            // Breakers and failover must not count a call no service answered.
            OperationTrace.markServedFromCache()
            return cached
        }
        let response = try await next(request, context)
        cache.store(response, for: key)
        return response
    }

    private func isDeterministic(_ request: HTTPRequest, _ operation: HFOperation) -> Bool {
        switch operation {
        case .embeddings, .sentenceSimilarity:
            return true
        case .chat:
            guard cachingDeterministicChat, let body = request.body, let json = try? JSONValue(parsing: body) else { return false }
            let seeded = json["seed"].map { $0.doubleValue != nil } ?? false
            return json["temperature"]?.doubleValue == 0 || seeded
        default:
            return false
        }
    }
}
