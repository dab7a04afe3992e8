import HFTestSupport
import Testing

@testable import HFEnterprise

/// The test clock the primitives' tests stand on.
@Suite("Manual clock")
struct ManualClockTests {
    @Test("sleepers wake when the clock passes their deadline, not before, earliest first")
    func wakesInOrder() async throws {
        let clock = ManualClock()
        let order = LockedState<[Int]>([])
        let late = Task { try await clock.sleep(for: .seconds(10)); order.withLock { $0.append(10) } }
        let early = Task { try await clock.sleep(for: .seconds(5)); order.withLock { $0.append(5) } }
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(4))
        #expect(clock.sleeperCount == 2)
        clock.advance(by: .seconds(6))
        try await early.value
        try await late.value
        #expect(order.withLock { $0 }.sorted() == [5, 10])
        #expect(clock.sleeperCount == 0)
    }

    @Test("a cancelled sleeper throws CancellationError and leaves the clock")
    func cancellation() async {
        let clock = ManualClock()
        let sleeper = Task { try await clock.sleep(for: .seconds(60)) }
        await clock.waitForSleepers(1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }
}
