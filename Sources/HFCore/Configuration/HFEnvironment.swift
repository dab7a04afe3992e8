import Foundation

/// The process environment as configuration reads it: variables, home and working directories,
/// and file reads. Tests pass their own to check discovery without touching the real machine.
///
/// ```swift
/// let environment = HFEnvironment(variables: ["HF_TOKEN": "hf_…"], homeDirectory: nil, workingDirectory: URL(fileURLWithPath: "/tmp"))
/// let configuration = HFConfiguration(environment: environment)   // finds the token in `variables`
/// ```
public struct HFEnvironment: Sendable {
    /// Environment variables, by name.
    public var variables: [String: String]
    /// `~`, for the default token file; `nil` when there is none.
    public var homeDirectory: URL?
    /// Where the search for a workspace secrets file starts.
    public var workingDirectory: URL
    /// Reads a small text file; `nil` when it is missing or unreadable.
    public var readFile: @Sendable (URL) -> String?

    /// An environment of your own, e.g. for tests or for a server that must not read the process's.
    public init(
        variables: [String: String],
        homeDirectory: URL?,
        workingDirectory: URL,
        readFile: @escaping @Sendable (URL) -> String? = HFEnvironment.readTextFile
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.workingDirectory = workingDirectory
        self.readFile = readFile
    }

    /// This process's environment.
    public static var current: HFEnvironment {
        let variables = ProcessInfo.processInfo.environment
        let home = variables["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return HFEnvironment(
            variables: variables,
            homeDirectory: home,
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        )
    }

    /// The value of `name`, or `nil` when unset or blank.
    public subscript(name: String) -> String? {
        guard let value = variables[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Reads files of at most 64 KiB: token files are tiny, and a huge file is not one.
    public static let readTextFile: @Sendable (URL) -> String? = { url in
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 << 10) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// `~` and `$VAR`/`${VAR}` expanded, as Python's client does for `HF_HOME`.
    func expandingPath(_ path: String) -> String {
        var expanded = path
        if expanded == "~" || expanded.hasPrefix("~/"), let home = homeDirectory?.path {
            expanded = home + expanded.dropFirst()
        }
        guard expanded.contains("$") else { return expanded }
        var result = ""
        var index = expanded.startIndex
        while index < expanded.endIndex {
            let character = expanded[index]
            guard character == "$" else {
                result.append(character)
                index = expanded.index(after: index)
                continue
            }
            var nameStart = expanded.index(after: index)
            let braced = nameStart < expanded.endIndex && expanded[nameStart] == "{"
            if braced { nameStart = expanded.index(after: nameStart) }
            var nameEnd = nameStart
            while nameEnd < expanded.endIndex, expanded[nameEnd].isLetter || expanded[nameEnd].isNumber || expanded[nameEnd] == "_" {
                nameEnd = expanded.index(after: nameEnd)
            }
            let name = String(expanded[nameStart..<nameEnd])
            if braced, nameEnd < expanded.endIndex, expanded[nameEnd] == "}" {
                nameEnd = expanded.index(after: nameEnd)
            }
            result += name.isEmpty ? "$" : (variables[name] ?? "")
            index = name.isEmpty ? expanded.index(after: index) : nameEnd
        }
        return result
    }
}
