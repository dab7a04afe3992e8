/// Where a token came from, for messages and diagnostics: "environment variable HF_TOKEN", "file
/// ~/.cache/huggingface/token", "passed explicitly", "a token provider closure".
///
/// ```swift
/// let configuration = HFConfiguration()
/// print(configuration.tokenSource?.description ?? "no token")   // "environment variable HF_TOKEN"
/// ```
public struct TokenSource: Sendable, Hashable, CustomStringConvertible {
    public let description: String

    package init(description: String) {
        self.description = description
    }

    static let explicit = TokenSource(description: "passed explicitly")
    static let closure = TokenSource(description: "a token provider closure")
    static func variable(_ name: String) -> TokenSource { TokenSource(description: "environment variable \(name)") }
    static func file(_ path: String) -> TokenSource { TokenSource(description: "file \(path)") }
    static func secretsFile(_ path: String, variable: String) -> TokenSource {
        TokenSource(description: "\(variable) in \(path)")
    }
}
