import Foundation
import HFTestSupport
import Testing

@testable import HFEnterprise

/// The response cache's state machine, with a manual clock: hits, misses, least-recently-used
/// eviction within entry and byte bounds, expiry, statistics; and its keys.
@Suite("Response cache")
struct CacheStateTests {
    static func request(_ text: String, url: String = "https://router.huggingface.co/hf-inference/models/m/pipeline/feature-extraction") -> HTTPRequest {
        HTTPRequest(method: .post, url: URL(string: url)!, body: Data(#"{"inputs":"\#(text)"}"#.utf8))
    }

    static func response(_ body: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(head: HTTPResponseHead(status: status, headers: ["Content-Type": "application/json"]), body: Data(body.utf8))
    }

    static func key(_ text: String) -> CacheKey {
        CacheKey(request(text))
    }

    @Test("miss, store, hit: the stored response comes back, counted")
    func hitAndMiss() {
        let cache = ResponseCache(clock: ManualClock())
        #expect(cache.response(for: Self.key("a")) == nil)
        cache.store(Self.response("[1]"), for: Self.key("a"))
        #expect(cache.response(for: Self.key("a"))?.body == Data("[1]".utf8))
        #expect(cache.response(for: Self.key("b")) == nil)
        let statistics = cache.statistics
        #expect(statistics.hits == 1 && statistics.misses == 2 && statistics.insertions == 1 && statistics.entries == 1)
        #expect(statistics.bytes == Self.key("a").size + 3)
        #expect(statistics.hitRate == 1.0 / 3)
    }

    @Test("the least recently used entry is evicted first; a lookup counts as a use")
    func leastRecentlyUsed() {
        let cache = ResponseCache(maximumEntries: 2, clock: ManualClock())
        cache.store(Self.response("a"), for: Self.key("a"))
        cache.store(Self.response("b"), for: Self.key("b"))
        _ = cache.response(for: Self.key("a"))
        cache.store(Self.response("c"), for: Self.key("c"))
        #expect(cache.response(for: Self.key("b")) == nil)
        #expect(cache.response(for: Self.key("a")) != nil)
        #expect(cache.response(for: Self.key("c")) != nil)
        cache.store(Self.response("d"), for: Self.key("d"))
        #expect(cache.response(for: Self.key("a")) == nil)
        #expect(cache.statistics.evictions == 2 && cache.statistics.entries == 2)
    }

    @Test("the byte bound evicts until it holds; a response larger than the bound is not stored")
    func byteBound() {
        let entry = Self.key("a").size + 100
        let cache = ResponseCache(maximumBytes: 3 * entry, clock: ManualClock())
        for name in ["a", "b", "c", "d"] { cache.store(Self.response(String(repeating: "x", count: 100)), for: Self.key(name)) }
        #expect(cache.statistics.entries == 3 && cache.statistics.bytes == 3 * entry && cache.statistics.evictions == 1)
        #expect(cache.response(for: Self.key("a")) == nil)
        cache.store(Self.response(String(repeating: "x", count: 3 * entry)), for: Self.key("e"))
        #expect(cache.response(for: Self.key("e")) == nil)
        #expect(cache.statistics.insertions == 4 && cache.statistics.entries == 3)
    }

    @Test("an entry lives for its time to live, not a nanosecond more; expired entries count as expirations and misses")
    func expiry() {
        let clock = ManualClock()
        let cache = ResponseCache(timeToLive: .seconds(10), clock: clock)
        cache.store(Self.response("a"), for: Self.key("a"))
        cache.store(Self.response("b"), for: Self.key("b"), timeToLive: .seconds(60))
        clock.advance(by: .seconds(10) - .nanoseconds(1))
        #expect(cache.response(for: Self.key("a")) != nil)
        clock.advance(by: .nanoseconds(1))
        #expect(cache.response(for: Self.key("a")) == nil)
        #expect(cache.response(for: Self.key("b")) != nil)
        #expect(cache.statistics.expirations == 1 && cache.statistics.misses == 1 && cache.statistics.entries == 1)
        clock.advance(by: .seconds(50))
        #expect(cache.removeExpired() == 1)
        #expect(cache.statistics.expirations == 2 && cache.statistics.entries == 0 && cache.statistics.bytes == 0)
    }

    @Test("an expired entry met by eviction counts as expired, not evicted")
    func expiredAtEviction() {
        let clock = ManualClock()
        let cache = ResponseCache(maximumEntries: 1, timeToLive: .seconds(1), clock: clock)
        cache.store(Self.response("a"), for: Self.key("a"))
        clock.advance(by: .seconds(2))
        cache.store(Self.response("b"), for: Self.key("b"))
        #expect(cache.statistics.expirations == 1 && cache.statistics.evictions == 0)
    }

    @Test("errors are never stored; storing a key again replaces its entry")
    func errorsAndReplacement() {
        let cache = ResponseCache(clock: ManualClock())
        cache.store(Self.response("busy", status: 503), for: Self.key("a"))
        cache.store(Self.response("gone", status: 404), for: Self.key("a"))
        #expect(cache.response(for: Self.key("a")) == nil)
        cache.store(Self.response("first"), for: Self.key("a"))
        cache.store(Self.response("second"), for: Self.key("a"))
        #expect(cache.response(for: Self.key("a"))?.body == Data("second".utf8))
        #expect(cache.statistics.entries == 1 && cache.statistics.bytes == Self.key("a").size + 6)
        cache.removeAll()
        #expect(cache.response(for: Self.key("a")) == nil && cache.statistics.entries == 0 && cache.statistics.bytes == 0)
    }

    @Test("keys: method, URL and every body byte count; headers and the token do not, and the key never shows them")
    func keys() {
        let prefix = String(repeating: "p", count: 200)
        #expect(Self.key(prefix + "1") != Self.key(prefix + "2"))
        var withToken = Self.request("a")
        withToken.authorization = Secret(testToken)
        withToken.headers["X-Trace"] = "1"
        #expect(CacheKey(withToken) == Self.key("a"))
        #expect(!"\(CacheKey(withToken))".contains(testToken) && !"\(CacheKey(withToken))".contains("inputs"))
        #expect(!String(reflecting: CacheKey(withToken)).contains(testToken))
        var get = Self.request("a")
        get.method = .get
        #expect(CacheKey(get) != Self.key("a"))
        #expect(CacheKey(Self.request("a", url: "https://router.huggingface.co/other")) != Self.key("a"))
        #expect(CacheKey(Self.request("a"), partition: "p") != Self.key("a"))
    }

    @Test("1 000 tasks storing and reading at once: the bounds hold and every lookup is counted")
    func concurrency() async {
        let cache = ResponseCache(maximumEntries: 100, clock: ManualClock())
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<1000 {
                group.addTask {
                    cache.store(Self.response("\(index)"), for: Self.key("\(index)"))
                    _ = cache.response(for: Self.key("\(index)"))
                }
            }
        }
        let statistics = cache.statistics
        #expect(statistics.insertions == 1000 && statistics.entries == 100 && statistics.evictions == 900)
        #expect(statistics.hits + statistics.misses == 1000)
    }
}
