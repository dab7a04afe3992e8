/// The outcomes of the latest calls a closed breaker counted, for its failure rate: the last
/// `n` calls, or the calls of the last `duration`.
struct OutcomeWindow {
    private let span: CircuitBreaker.Window
    /// Oldest first; entries before `head` have left the window and are dropped in batches, so
    /// sliding costs O(1) amortised.
    private var entries: [(at: ContinuousClock.Instant, failed: Bool)] = []
    private var head = 0
    private(set) var failures = 0

    init(_ span: CircuitBreaker.Window) {
        self.span = span
    }

    /// How many calls are in the window.
    var count: Int { entries.count - head }

    /// Adds an outcome at `now` and lets out what slid past the window.
    mutating func record(failed: Bool, at now: ContinuousClock.Instant) {
        entries.append((now, failed))
        if failed { failures += 1 }
        slide(to: now)
    }

    /// Lets out the calls that are no longer in the window at `now`.
    mutating func slide(to now: ContinuousClock.Instant) {
        switch span {
        case .calls(let size):
            while count > size { dropOldest() }
        case .duration(let duration):
            while count > 0, entries[head].at <= now - duration { dropOldest() }
        }
        if head > 64, head * 2 > entries.count {
            entries.removeFirst(head)
            head = 0
        }
    }

    mutating func reset() {
        entries = []
        head = 0
        failures = 0
    }

    private mutating func dropOldest() {
        if entries[head].failed { failures -= 1 }
        head += 1
    }
}
