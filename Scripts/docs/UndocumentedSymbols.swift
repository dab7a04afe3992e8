// Lists the public declarations of this package that have no doc comment, from the symbol graphs
// `Scripts/docs.sh` extracts, and exits 1 if there is any.
//
//   swift Scripts/docs/UndocumentedSymbols.swift <symbol-graph-directory> <sources-directory>
//
// Only declarations written in <sources-directory> count: members the compiler synthesises and
// members inherited from the standard library's protocols (`!=`, default implementations) have no
// source of ours to document.
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let graphs = arguments.first, let sources = arguments.last else {
    FileHandle.standardError.write(Data("usage: UndocumentedSymbols <symbol-graph-directory> <sources-directory>\n".utf8))
    exit(2)
}
let sourcesPrefix = URL(fileURLWithPath: sources).standardizedFileURL.path + "/"

struct Undocumented: Hashable, Comparable {
    let file: String
    let line: Int
    let name: String

    static func < (a: Undocumented, b: Undocumented) -> Bool { (a.file, a.line, a.name) < (b.file, b.line, b.name) }
}

var undocumented: Set<Undocumented> = []
var checked: Set<String> = []
let files = try FileManager.default.contentsOfDirectory(atPath: graphs).filter { $0.hasSuffix(".symbols.json") }
for file in files {
    let data = try Data(contentsOf: URL(fileURLWithPath: graphs).appendingPathComponent(file))
    guard let graph = try JSONSerialization.jsonObject(with: data) as? [String: Any],
          let symbols = graph["symbols"] as? [[String: Any]] else { continue }
    for symbol in symbols {
        guard let location = symbol["location"] as? [String: Any],
              let uri = location["uri"] as? String,
              let path = URL(string: uri)?.standardizedFileURL.path, path.hasPrefix(sourcesPrefix),
              let identifier = (symbol["identifier"] as? [String: Any])?["precise"] as? String,
              !identifier.contains("::SYNTHESIZED::")
        else { continue }
        checked.insert(identifier)
        let lines = ((symbol["docComment"] as? [String: Any])?["lines"] as? [[String: Any]]) ?? []
        let text = lines.compactMap { $0["text"] as? String }.joined().trimmingCharacters(in: .whitespaces)
        guard text.isEmpty else { continue }
        let line = ((location["position"] as? [String: Any])?["line"] as? Int).map { $0 + 1 } ?? 0
        let name = ((symbol["pathComponents"] as? [String]) ?? []).joined(separator: ".")
        undocumented.insert(Undocumented(file: String(path.dropFirst(sourcesPrefix.count)), line: line, name: name))
    }
}

for symbol in undocumented.sorted() {
    print("\(symbol.file):\(symbol.line): \(symbol.name) has no doc comment")
}
print("\(undocumented.count) of \(checked.count) public declarations have no doc comment")
exit(undocumented.isEmpty ? 0 : 1)
