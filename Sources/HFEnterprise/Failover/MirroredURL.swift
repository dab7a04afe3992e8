import Foundation

/// Moving a request between mirrored servers: a URL addressed to one base URL (same scheme, host
/// and port, path under the base's path) is addressed to another by swapping that prefix; the
/// rest of the path and the query are kept.
enum MirroredURL {
    /// The base among `bases` that `url` is addressed to, if any.
    static func base(of url: URL, among bases: [URL]) -> URL? {
        bases.first { pathBelow($0, in: url) != nil }
    }

    /// `url`, addressed to `base`, moved to `target`.
    static func move(_ url: URL, from base: URL, to target: URL) -> URL {
        guard base != target, let rest = pathBelow(base, in: url),
              var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let destination = URLComponents(url: target, resolvingAgainstBaseURL: false)
        else { return url }
        components.scheme = destination.scheme
        components.host = destination.host
        components.port = destination.port
        components.percentEncodedPath = trimmed(destination.percentEncodedPath) + rest
        return components.url ?? url
    }

    /// The rest of `url`'s path below `base`'s, when `url` is addressed to `base`.
    private static func pathBelow(_ base: URL, in url: URL) -> String? {
        guard let address = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let root = URLComponents(url: base, resolvingAgainstBaseURL: false),
              address.scheme?.lowercased() == root.scheme?.lowercased(),
              address.host?.lowercased() == root.host?.lowercased(),
              port(of: address) == port(of: root)
        else { return nil }
        let prefix = trimmed(root.percentEncodedPath)
        let path = address.percentEncodedPath
        guard path == prefix || path.hasPrefix(prefix + "/") else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    private static func port(of components: URLComponents) -> Int? {
        components.port ?? ["http": 80, "https": 443][components.scheme?.lowercased() ?? ""]
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
