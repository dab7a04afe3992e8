/// Reads a shell secrets file of `export NAME="value"` lines, such as a workspace's
/// `secret/-secrets.sh`, without running it.
///
/// Understood: optional `export`, `NAME=value`, single quotes (taken literally), double quotes
/// (with `\"`, `\\`, `\$` and `` \` `` escapes), unquoted values ending at white space or a `#`
/// comment, blank lines and `#` comment lines. Anything else is skipped, never executed.
package enum SecretsFile {
    /// The assignments in `text`, in order; a name assigned twice keeps its last value.
    package static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let (name, value) = assignment(in: Substring(rawLine)) { values[name] = value }
        }
        return values
    }

    private static func assignment(in line: Substring) -> (String, String)? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        if rest.first == "#" { return nil }
        if rest.hasPrefix("export "), let index = rest.firstIndex(of: " ") {
            rest = rest[index...].drop { $0 == " " || $0 == "\t" }
        }
        guard let equals = rest.firstIndex(of: "=") else { return nil }
        let name = String(rest[..<equals])
        guard let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return nil }
        guard let value = self.value(rest[rest.index(after: equals)...]) else { return nil }
        return (name, value)
    }

    private static func value(_ text: Substring) -> String? {
        guard let first = text.first else { return "" }
        switch first {
        case "'":
            let body = text.dropFirst()
            guard let end = body.firstIndex(of: "'") else { return nil }
            return String(body[..<end])
        case "\"":
            var result = ""
            var escaped = false
            for character in text.dropFirst() {
                if escaped {
                    if !["\"", "\\", "$", "`"].contains(character) { result.append("\\") }
                    result.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return result
                } else {
                    result.append(character)
                }
            }
            return nil
        default:
            let end = text.firstIndex { $0 == " " || $0 == "\t" || $0 == "#" || $0 == ";" } ?? text.endIndex
            return String(text[..<end])
        }
    }
}
