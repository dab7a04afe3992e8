import Foundation

/// Synthetic sizes built from recorded shapes: never invented content, only more of it.
enum Generated {
    /// An SSE chat stream of at least `bytes` bytes: the recorded stream's first event, its content
    /// events repeated in order, then its final event (finish reason and usage).
    static func chatStream(from recorded: Data, bytes: Int) -> Data {
        let events = sseEvents(recorded)
        precondition(events.count >= 3, "the recorded stream has too few events")
        let content = events[1..<(events.count - 1)]
        var stream = events[0]
        var index = content.startIndex
        while stream.count < bytes {
            stream.append(content[index])
            index = content.index(after: index) == content.endIndex ? content.startIndex : content.index(after: index)
        }
        stream.append(events[events.count - 1])
        return stream
    }

    /// Each event of a `text/event-stream` body, with its terminating blank line.
    static func sseEvents(_ body: Data) -> [Data] {
        var events: [Data] = []
        var start = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            if body[index] == UInt8(ascii: "\n"), index + 1 < body.endIndex, body[index + 1] == UInt8(ascii: "\n") {
                events.append(body[start...(index + 1)])
                start = index + 2
                index += 2
            } else {
                index += 1
            }
        }
        if start < body.endIndex { events.append(body[start...]) }
        return events
    }

    /// A feature-extraction response of `rows` unit-length vectors of `dimension` floats, written
    /// the way the recorded response writes them: `[[a,b,…],[…]]` without spaces, each Float32
    /// printed as the shortest text of its Double value (as Python's `json` prints numpy float32
    /// values widened to float). ``checkNumberFormat(_:)`` proves the recording is written so.
    static func embeddingMatrix(rows: Int, dimension: Int, seed: UInt64) -> (json: Data, values: [Float]) {
        var random = SplitMix64(seed: seed)
        var values: [Float] = []
        values.reserveCapacity(rows * dimension)
        var text = "["
        text.reserveCapacity(rows * dimension * 22)
        for row in 0..<rows {
            let vector = random.unitVector(dimension)
            values.append(contentsOf: vector)
            text += row == 0 ? "[" : ",["
            for (column, value) in vector.enumerated() {
                if column > 0 { text += "," }
                text += Double(value).description
            }
            text += "]"
        }
        text += "]"
        return (Data(text.utf8), values)
    }

    /// Throws unless every number of the recorded embedding reads back, through Float32 and
    /// ``embeddingMatrix(rows:dimension:seed:)``'s printing, as the same text.
    static func checkNumberFormat(_ recorded: Data) throws {
        let text = String(decoding: recorded, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "[] \n"))
        for number in text.split(separator: ",") {
            guard let value = Float(number), Double(value).description == number else {
                throw BenchError("the recorded embedding writes \(number), which the generator would print differently")
            }
        }
    }

    /// `count` random unit-length vectors of `dimension` floats, row after row, and one query.
    static func vectors(count: Int, dimension: Int, seed: UInt64) -> (stored: [Float], query: [Float]) {
        var random = SplitMix64(seed: seed)
        var stored: [Float] = []
        stored.reserveCapacity(count * dimension)
        for _ in 0..<count { stored.append(contentsOf: random.unitVector(dimension)) }
        return (stored, random.unitVector(dimension))
    }
}

/// A small seeded generator, so every run (and the Python peers, reading the same files) sees the
/// same numbers.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A normally distributed vector scaled to length 1, like a normalised sentence embedding.
    mutating func unitVector(_ dimension: Int) -> [Float] {
        var vector = (0..<dimension).map { _ in gaussian() }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for index in vector.indices { vector[index] /= norm }
        return vector.map(Float.init)
    }

    private mutating func gaussian() -> Double {
        // Box–Muller; the `1 -` keeps the logarithm's argument above zero.
        let u = 1 - Double.random(in: 0..<1, using: &self)
        let v = Double.random(in: 0..<1, using: &self)
        return (-2 * Foundation.log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
