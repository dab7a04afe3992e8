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
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var snippets: [String] = []
        var current: [String]?
        for line in readme.components(separatedBy: "\n") {
            if current == nil, line == "```swift" {
                current = []
            } else if let lines = current, line == "```" {
                snippets.append(lines.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return snippets.filter { !$0.hasPrefix("// Package.swift") }
    }

    /// The marked regions of every test source, dedented: this package's and the integrations'.
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
                if trimmed.hasPrefix("// README "), trimmed.hasSuffix(" begins") {
                    name = String(trimmed.dropFirst("// README ".count).dropLast(" begins".count))
                    body = []
                } else if let current = name, trimmed == "// README \(current) ends" {
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

    @Test("each README snippet is compiled test code, verbatim")
    func snippetsAreTested() throws {
        let snippets = try Self.readmeSnippets()
        let regions = try Self.markedRegions()
        #expect(snippets.count >= 5)
        // The quickstart's first lines (import, client) are the README's own; the rest is tested.
        for snippet in snippets {
            let tested = regions.values.contains { region in snippet == region || snippet.hasSuffix("\n" + region) }
            #expect(tested, "README snippet is not a tested region:\n\(snippet)")
        }
    }
}
