import Foundation
import HFTransport

/// The SSE parser on any bytes: no crash, and the events do not depend on how the bytes are cut
/// into chunks (pieces of sizes drawn from the input's own hash, so a failure repeats).
func fuzz(_ input: UnsafeRawBufferPointer) {
    let body = Data(input)
    let whole = parse([body])

    var random = SplitMix64(seed: body.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 })
    var pieces: [Data] = []
    var start = 0
    while start < body.count {
        let end = min(body.count, start + 1 + Int(random.next() % 32))
        pieces.append(body.subdata(in: start..<end))
        start = end
    }
    let chunked = parse(pieces)
    require(chunked == whole, "\(pieces.count) pieces gave \(chunked.count) events, whole input \(whole.count)")

    // The borrowed form the stream engine reads.
    var parser = ServerSentEventParser()
    var raw = 0
    let onEvent = { (event: RawServerSentEvent) in
        _ = event.isDone
        _ = event.isBlank
        raw += 1
    }
    parser.feed(input, onEvent)
    parser.finish(onEvent)
    require(raw == whole.count, "the borrowed events (\(raw)) differ from the copied ones (\(whole.count))")
}

private func parse(_ pieces: [Data]) -> [ServerSentEvent] {
    var parser = ServerSentEventParser()
    var events: [ServerSentEvent] = []
    for piece in pieces { events += parser.events(from: piece) }
    return events + parser.finish()
}
