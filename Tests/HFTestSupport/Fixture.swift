import Foundation

/// A file from the `Fixtures` folder beside the test file that asks for it: traffic captured from a
/// real server, described in that folder's ORIGIN.md.
///
/// ```swift
/// let body = try Fixture.data("llamacpp-400-context-length.json")
/// ```
public enum Fixture {
    public static func data(_ name: String, besideFile file: String = #filePath) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name))
    }
}
