import Foundation
import Testing

/// Every Swift snippet in the README is a verbatim copy of test code that compiles and runs, so
/// the README cannot drift from the API. Test code marks a snippet with
/// `// README <name> begins` and `// README <name> ends`.
@Suite("README snippets")
struct ReadmeSnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ```swift blocks of the README, except the package manifest example.
    static func readmeSnippets() throws -> [String] {
        try swiftBlocks(in: root.appendingPathComponent("README.md")).filter { !$0.hasPrefix("// Package.swift") }
    }

    /// The ```swift blocks of a Markdown file.
    static func swiftBlocks(in file: URL) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var snippets: [String] = []
        var current: [String]?
        for line in text.components(separatedBy: "\n") {
            if current == nil, line == "```swift" {
                current = []
            } else if let lines = current, line == "```" {
                snippets.append(lines.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return snippets
    }

    static let markers = ["// README ", "// DocC "]

    /// The marked regions of every test source (this package's and the integrations'), dedented: `// README <name> begins` (or
    /// `// DocC <name> begins`, for the DocC articles' own examples) to `… <name> ends`.
    static func markedRegions() throws -> [String: String] {
        var regions: [String: String] = [:]
        let files = ["Tests", "Integrations/Tests"].flatMap { folder in
            FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        }
        for file in files where file.pathExtension == "swift" && !file.path.contains("/.build") {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            var name: String?
            var body: [String] = []
            for line in lines {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if let prefix = markers.first(where: trimmed.hasPrefix), trimmed.hasSuffix(" begins") {
                    name = prefix + String(trimmed.dropFirst(prefix.count).dropLast(" begins".count))
                    body = []
                } else if let current = name, trimmed == "\(current) ends" {
                    let indent = body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                        .map { $0.prefix { $0 == " " }.count }.min() ?? 0
                    regions[current] = body.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
                    name = nil
                } else if name != nil {
                    body.append(line)
                }
            }
        }
        return regions
    }

    /// Whether `snippet` is a marked region, or ends with one (the quickstart's first lines, import
    /// and client, are the document's own).
    static func isTested(_ snippet: String, regions: [String: String]) -> Bool {
        regions.values.contains { region in snippet == region || snippet.hasSuffix("\n" + region) }
    }

    @Test("each README snippet is compiled test code, verbatim")
    func snippetsAreTested() throws {
        let snippets = try Self.readmeSnippets()
        let regions = try Self.markedRegions()
        #expect(snippets.count >= 5)
        for snippet in snippets {
            #expect(Self.isTested(snippet, regions: regions), "README snippet is not a tested region:\n\(snippet)")
        }
    }
}
