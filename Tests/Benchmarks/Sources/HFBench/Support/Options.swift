import Foundation

/// `--name value` pairs from the command line.
struct Options {
    private var values: [String: String] = [:]
    /// Words that are not flags or their values, in order (the subcommand and its target).
    private(set) var words: [String] = []

    init(_ arguments: some Sequence<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument.hasPrefix("--") {
                values[String(argument.dropFirst(2))] = iterator.next() ?? ""
            } else {
                words.append(argument)
            }
        }
    }

    func string(_ name: String) throws -> String {
        guard let value = values[name] else { throw BenchError("missing --\(name)") }
        return value
    }

    func string(_ name: String, default fallback: String) -> String {
        values[name] ?? fallback
    }

    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text) else { throw BenchError("--\(name) wants a whole number, got \(text)") }
        return value
    }

    func url(_ name: String) throws -> URL {
        let text = try string(name)
        guard let url = URL(string: text) else { throw BenchError("--\(name) is not a URL: \(text)") }
        return url
    }
}

/// A benchmark that cannot go on, with the reason.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
