// HFSoak: many streamed chats through the loopback replay server, each with a random fault on top
// of a real recorded stream (reset, truncation, 429, 503, slow bytes, a stall that trips the idle
// timeout, or none), checked against the recorded answer; reports outcomes by fault and category,
// and the process's open descriptors and RSS at the start and the end. `Scripts/soak.sh` builds it
// in release mode and runs it; it is not part of `swift test`.
//
//     HFSoak [streams (10000)] [concurrency (8)] [seed (1)]
//
// Exits 1 when any stream ended in a way its fault does not allow.
import Foundation
import HFCore
import HFTestSupport

let arguments = CommandLine.arguments.dropFirst().map { UInt64($0) }
guard arguments.allSatisfy({ $0 != nil }), arguments.count <= 3 else {
    print("usage: HFSoak [streams] [concurrency] [seed]")
    exit(2)
}
let total = Int(arguments.first.flatMap { $0 } ?? 10_000)
let concurrency = max(1, Int(arguments.dropFirst().first.flatMap { $0 } ?? 8))
let seed = arguments.dropFirst(2).first.flatMap { $0 } ?? 1
let idleTimeout = Duration.milliseconds(250)

let beforeSetUp = ProcessFigures.now()
let streams = try SoakStream.all()
let workers = try (0..<concurrency).map { _ in try SoakWorker(streams: streams, idleTimeout: idleTimeout) }

// Each recorded stream once without a fault: its text is the answer the faulted runs are held to.
var unfaulted: [String] = []
for index in streams.indices {
    var random = SplitMix64(seed: seed)
    let outcome = await workers[0].run(stream: index, plan: SoakFault.none.plan(bodyCount: streams[index].bodyCount, using: &random))
    if let error = outcome.error {
        print("the unfaulted \(streams[index].provider) stream failed: \(error)")
        exit(1)
    }
    unfaulted.append(outcome.text)
}
let answers = unfaulted

print("HFSoak: \(total) streams, \(concurrency) at a time, seed \(seed), idle timeout \(idleTimeout), \(streams.count) recorded streams")
print("before set-up: \(beforeSetUp)")
let start = ProcessFigures.now()
print("start:         \(start)")
let clock = ContinuousClock()
let began = clock.now
let finished = Counter()

let tally = await withTaskGroup(of: SoakTally.self) { group in
    for (lane, worker) in workers.enumerated() {
        group.addTask {
            var random = SplitMix64(seed: seed &+ UInt64(lane) &* 0x9E37_79B9)
            var tally = SoakTally()
            for _ in stride(from: lane, to: total, by: concurrency) {
                let index = Int.random(in: streams.indices, using: &random)
                let fault = SoakFault.allCases.randomElement(using: &random)!
                let plan = fault.plan(bodyCount: streams[index].bodyCount, using: &random)
                let outcome = await worker.run(stream: index, plan: plan)
                tally.record(outcome, fault: fault, stream: streams[index].provider.rawValue, expected: answers[index])
                let done = await finished.increment()
                if done % 1000 == 0 { print("after \(done): \(ProcessFigures.now())") }
            }
            return tally
        }
    }
    var tally = SoakTally()
    for await part in group { tally.merge(part) }
    return tally
}

let elapsed = clock.now - began
let end = ProcessFigures.now()
print("end:           \(end)")
for worker in workers { worker.shutdown() }
print("after shutdown: \(ProcessFigures.now())")
print("\(tally.streams) streams in \(elapsed.components.seconds) s\n")
print(tally.report)
print("\nunexpected outcomes: \(tally.unexpected.count)")
for line in tally.unexpected.prefix(20) { print("  \(line)") }
exit(tally.unexpected.isEmpty ? 0 : 1)

/// Streams finished so far, across lanes.
actor Counter {
    private var value = 0

    func increment() -> Int {
        value += 1
        return value
    }
}
