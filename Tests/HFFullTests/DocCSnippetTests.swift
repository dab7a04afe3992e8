import Foundation
import Testing

/// Every Swift example in the DocC articles is a verbatim copy of test code that compiles and runs
/// (a README example's region, or one marked `// DocC <name> begins` in `DocCArticleExamplesTests`),
/// so the documentation cannot drift from the API.
@Suite("DocC article snippets")
struct DocCSnippetTests {
    static let catalog = ReadmeSnippetTests.root.appendingPathComponent("Sources/HFFull/HFFull.docc")

    @Test("each article's Swift example is compiled test code, verbatim")
    func snippetsAreTested() throws {
        let articles = try FileManager.default.contentsOfDirectory(at: Self.catalog, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
        let regions = try ReadmeSnippetTests.markedRegions()
        var count = 0
        for article in articles {
            for snippet in try ReadmeSnippetTests.swiftBlocks(in: article) {
                count += 1
                #expect(ReadmeSnippetTests.isTested(snippet, regions: regions), "\(article.lastPathComponent): example is not a tested region:\n\(snippet)")
            }
        }
        #expect(articles.count >= 8)
        #expect(count >= 10)
    }
}
