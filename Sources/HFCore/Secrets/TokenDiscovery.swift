import Foundation

/// Finds a Hugging Face token the way users expect from the official clients, plus this
/// project's workspace secrets file.
///
/// The order, first non-empty value wins:
/// 1. `HF_TOKEN`;
/// 2. `HUGGINGFACE_API_KEY`;
/// 3. `HUGGING_FACE_HUB_TOKEN` (the legacy name);
/// 4. the file at `HF_TOKEN_PATH`;
/// 5. `$HF_HOME/token`, or `$XDG_CACHE_HOME/huggingface/token` when `HF_HOME` is unset (Python's
///    rule for locating `HF_HOME`);
/// 6. `~/.cache/huggingface/token`, where `huggingface-cli login` writes;
/// 7. `secret/-secrets.sh` in the working directory or the nearest ancestor that has one, read for
///    `HF_TOKEN`, `HUGGINGFACE_API_KEY` or `HUGGING_FACE_HUB_TOKEN` (in that order).
///
/// Values lose their line breaks and surrounding white space; an empty result counts as no
/// token. Unlike Python, a missing `HF_TOKEN_PATH` file falls through to the next place.
package enum TokenDiscovery {
    /// What discovery found, and every place it looked (for the error when nothing was found).
    package struct Result: Sendable {
        /// The token found, if any.
        package let token: Secret?
        /// Where it was found.
        package let source: TokenSource?
        /// Every place looked at, in order, up to and including the one that had the token.
        package let searched: [String]
    }

    static let variableNames = ["HF_TOKEN", "HUGGINGFACE_API_KEY", "HUGGING_FACE_HUB_TOKEN"]
    static let secretsFilePath = "secret/-secrets.sh"

    /// Looks for a token, in the documented order.
    package static func discover(in environment: HFEnvironment) -> Result {
        var searched: [String] = []
        func found(_ value: String?, _ source: TokenSource) -> Result? {
            guard let value else { return nil }
            let secret = Secret(value)
            return secret.isEmpty ? nil : Result(token: secret, source: source, searched: searched)
        }

        for name in variableNames {
            searched.append("$\(name)")
            if let result = found(environment.variables[name], .variable(name)) { return result }
        }
        for path in tokenFilePaths(in: environment) {
            searched.append(path)
            if let result = found(environment.readFile(URL(fileURLWithPath: path)), .file(path)) { return result }
        }
        var directory = environment.workingDirectory.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(secretsFilePath)
            if let text = environment.readFile(candidate) {
                searched.append(candidate.path)
                let values = SecretsFile.parse(text)
                for name in variableNames {
                    if let result = found(values[name], .secretsFile(candidate.path, variable: name)) { return result }
                }
                break
            }
            let parent = directory.deletingLastPathComponent().standardizedFileURL
            if parent.path == directory.path { break }
            directory = parent
        }
        if !searched.contains(where: { $0.hasSuffix(secretsFilePath) }) {
            searched.append("\(secretsFilePath) in \(environment.workingDirectory.path) and its parents")
        }
        return Result(token: nil, source: nil, searched: searched)
    }

    private static func tokenFilePaths(in environment: HFEnvironment) -> [String] {
        var paths: [String] = []
        if let path = environment["HF_TOKEN_PATH"] {
            paths.append(environment.expandingPath(path))
        }
        if let home = environment["HF_HOME"] {
            paths.append(environment.expandingPath(home) + "/token")
        } else if let cache = environment["XDG_CACHE_HOME"] {
            paths.append(environment.expandingPath(cache) + "/huggingface/token")
        }
        if let home = environment.homeDirectory?.path {
            paths.append(home + "/.cache/huggingface/token")
        }
        var unique: [String] = []
        for path in paths where !unique.contains(path) { unique.append(path) }
        return unique
    }
}
