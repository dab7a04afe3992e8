import Foundation
import Testing

import HFCore

/// The version is in one place, `HFPackage.version`: the User-Agent sends it and the changelog's
/// newest section names it.
@Suite("Release version")
struct ReleaseVersionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the default User-Agent names the package version")
    func userAgent() {
        #expect(HFPackage.defaultUserAgent.hasPrefix("HuggingFaceInference-Swift/\(HFPackage.version) ("))
        #expect(HFConfiguration(token: nil).userAgent == HFPackage.defaultUserAgent)
    }

    @Test("CHANGELOG.md's newest version section is HFPackage.version")
    func changelog() throws {
        let changelog = try String(contentsOf: Self.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let headings = changelog.components(separatedBy: "\n").filter { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") }
        let newest = try #require(headings.first)
        #expect(newest.hasPrefix("## [\(HFPackage.version)]"), "\(newest)")
        #expect(HFPackage.version.split(separator: ".").count == 3 && HFPackage.version.split(separator: ".").allSatisfy { Int($0) != nil })
    }
}
