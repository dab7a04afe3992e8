import Foundation

/// Provider mappings fetched from the Hub, kept per client for a while.
///
/// Concurrent look-ups of the same model share one Hub request. A caller whose task is cancelled
/// stops waiting at once, and the shared request is cancelled when no caller is left. Entries
/// expire after the configured time rather than living forever (providers come and go), expired
/// ones are dropped as new ones arrive, and failures are not cached.
actor ProviderMappingCache {
    private struct Entry {
        let mappings: [ProviderMapping]
        let expires: ContinuousClock.Instant
    }

    /// One Hub request and the callers waiting for it.
    private final class Flight {
        var task: Task<Void, Never>?
        var waiters: [Int: CheckedContinuation<[ProviderMapping], any Error>] = [:]
    }

    private let timeToLive: Duration
    private var entries: [String: Entry] = [:]
    private var flights: [String: Flight] = [:]
    private var nextWaiter = 0

    init(timeToLive: Duration) {
        self.timeToLive = timeToLive
    }

    /// The cached mappings for `model`, or the result of `fetch`, shared with concurrent callers.
    func mappings(for model: String, fetch: @escaping @Sendable () async throws -> [ProviderMapping]) async throws -> [ProviderMapping] {
        if let entry = entries[model], entry.expires > .now {
            return entry.mappings
        }
        nextWaiter += 1
        let waiter = nextWaiter
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                wait(waiter, on: model, continuation: continuation, fetch: fetch)
            }
        } onCancel: {
            Task { await self.leave(waiter, model: model) }
        }
    }

    /// Forgets everything, e.g. after the account's provider preferences changed.
    func removeAll() {
        entries.removeAll()
    }

    private func wait(
        _ waiter: Int, on model: String, continuation: CheckedContinuation<[ProviderMapping], any Error>,
        fetch: @escaping @Sendable () async throws -> [ProviderMapping]
    ) {
        guard !Task.isCancelled else {
            continuation.resume(throwing: HFError.cancelled())
            return
        }
        if let flight = flights[model] {
            flight.waiters[waiter] = continuation
            return
        }
        let flight = Flight()
        flight.waiters[waiter] = continuation
        flights[model] = flight
        flight.task = Task {
            do {
                self.land(model, flight: flight, result: .success(try await fetch()))
            } catch {
                self.land(model, flight: flight, result: .failure(error))
            }
        }
    }

    private func leave(_ waiter: Int, model: String) {
        guard let flight = flights[model], let continuation = flight.waiters.removeValue(forKey: waiter) else { return }
        continuation.resume(throwing: HFError.cancelled())
        if flight.waiters.isEmpty {
            flight.task?.cancel()
            flights[model] = nil
        }
    }

    private func land(_ model: String, flight: Flight, result: Result<[ProviderMapping], any Error>) {
        if case .success(let mappings) = result {
            let now = ContinuousClock.now
            entries = entries.filter { $0.value.expires > now }
            entries[model] = Entry(mappings: mappings, expires: now + timeToLive)
        }
        // A flight every caller left has been replaced by a newer one, which must not be touched.
        guard flights[model] === flight else { return }
        flights[model] = nil
        for continuation in flight.waiters.values { continuation.resume(with: result) }
    }
}
