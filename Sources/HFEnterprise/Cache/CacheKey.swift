import Foundation

/// What a cached response is found by: the canonical request (method, URL, body bytes) within a
/// partition. Headers are not part of it, and neither is the credential: a request's
/// ``HTTPRequest/authorization`` is never read, so no token is kept in a cache.
///
/// Lookups compare a hash of the whole body first and the bytes themselves after, so two bodies
/// that share a long prefix never collide.
///
/// ```swift
/// let key = CacheKey(request, partition: "tenant-42")
/// ```
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// Entries of different partitions never answer each other (see ``CacheMiddleware``).
    public let partition: String
    /// The request's method.
    public let method: HTTPMethod
    /// The request's URL, query included.
    public let url: URL
    /// The request's body bytes, empty when it has none.
    public let body: Data
    /// A hash of every byte of ``body`` (`Data`'s own hash reads only a prefix).
    private let bodyHash: Int

    /// The key of `request` in `partition`.
    public init(_ request: HTTPRequest, partition: String = "") {
        self.partition = partition
        method = request.method
        url = request.url
        body = request.body ?? Data()
        var hasher = Hasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        bodyHash = hasher.finalize()
    }

    public static func == (lhs: CacheKey, rhs: CacheKey) -> Bool {
        lhs.bodyHash == rhs.bodyHash && lhs.method == rhs.method && lhs.url == rhs.url
            && lhs.partition == rhs.partition && lhs.body == rhs.body
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bodyHash)
        hasher.combine(method)
        hasher.combine(url)
        hasher.combine(partition)
    }

    /// The bytes the key holds, counted against a cache's size bound.
    var size: Int {
        body.count + url.absoluteString.utf8.count + partition.utf8.count
    }

    /// The route and body size; never the body, which may hold user data.
    public var description: String {
        "\(method) \(url.host ?? "")\(url.path) (\(body.count) body bytes, partition \"\(partition)\")"
    }
}
