import Foundation
import Testing

/// The exit-status table is written twice, in `hf --help` and in the README: they must agree.
@Suite("hf --help")
struct HelpTests {
    @Test("every exit status in `hf --help` is in the README's table, with the same meaning, and no other")
    func exitStatusTable() throws {
        let help = try CommandRun.pipes(["--help"])
        #expect(help.status == 0)
        let section = try #require(help.stdout.components(separatedBy: "Exit status:\n").last?.components(separatedBy: "\n\n").first)
        let fromHelp = section.split(separator: "\n").map { line in
            let trimmed = line.drop { $0 == " " }
            let code = trimmed.prefix { $0.isNumber }
            return "| \(code) | \(trimmed.dropFirst(code.count + 2)) |"
        }
        let readme = try String(contentsOf: Launcher.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try #require(readme.components(separatedBy: "| Exit status | Meaning |\n|---|---|\n").dropFirst().first?.components(separatedBy: "\n\n").first)
        #expect(fromHelp.count == 13)
        #expect(table.split(separator: "\n").map(String.init) == fromHelp)
    }
}
