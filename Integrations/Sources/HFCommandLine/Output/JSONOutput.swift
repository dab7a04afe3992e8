import Foundation

/// Prints a value as one JSON document on standard output, the shape of every `--json` result.
///
/// ```swift
/// try JSONOutput.print(["score": 0.9])
/// ```
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Console.line(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
