import Foundation

/// Reads RFC 8288 `Link` headers: `<https://…?cursor=…>; rel="next", <…>; rel="last"`.
enum LinkHeader {
    /// The target of the first link whose `rel` includes `next`, resolved against `base` when
    /// relative; `nil` when there is none.
    static func next(in values: [String], relativeTo base: URL) -> URL? {
        for value in values {
            for link in links(in: value) where link.relations.contains("next") {
                return URL(string: link.target, relativeTo: base)?.absoluteURL
            }
        }
        return nil
    }

    /// The links of one header value, with their `rel` tokens lower-cased.
    static func links(in value: String) -> [(target: String, relations: Set<String>)] {
        var links: [(String, Set<String>)] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let target = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            // Parameters run to the next comma outside quotes.
            var parameters = ""
            var quoted = false
            while let character = rest.first, quoted || character != "," {
                if character == "\"" { quoted.toggle() }
                parameters.append(character)
                rest = rest.dropFirst()
            }
            links.append((target, relations(in: parameters)))
        }
        return links
    }

    private static func relations(in parameters: String) -> Set<String> {
        for parameter in parameters.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return Set(value.lowercased().split(separator: " ").map(String.init))
        }
        return []
    }
}
