import Foundation

extension URL {
    /// `true` for `localhost`, 127.0.0.0/8 and ::1, where plain http never leaves the machine.
    package var isLoopback: Bool {
        guard var host = host?.lowercased() else { return false }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// `true` for loopback and for addresses of private networks: RFC 1918, carrier-grade NAT,
    /// link-local (cloud metadata services live there), IPv6 unique-local and link-local, the
    /// unspecified address, and the `.local`, `.internal` and `.home.arpa` names. A name that
    /// resolves to such an address is not caught: that needs the resolver.
    package var isPrivateNetwork: Bool {
        if isLoopback { return true }
        guard var host = host?.lowercased() else { return false }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if ["local", "internal", "home.arpa"].contains(where: { host == $0 || host.hasSuffix("." + $0) }) { return true }
        if host.contains(":") {
            if let mapped = host.split(separator: ":").last, mapped.contains(".") {
                return URL(string: "http://\(mapped)")?.isPrivateNetwork ?? true
            }
            return host == "::" || host.hasPrefix("fc") || host.hasPrefix("fd") || host.hasPrefix("fe8") || host.hasPrefix("fe9") || host.hasPrefix("fea") || host.hasPrefix("feb")
        }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard octets.count == 4 else { return false }
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (192, 168), (169, 254): return true
        case (172, 16...31), (100, 64...127): return true
        default: return false
        }
    }

    /// `true` when `other` has the same scheme, host and port: the same origin.
    package func isSameOrigin(as other: URL) -> Bool {
        scheme?.lowercased() == other.scheme?.lowercased() && host?.lowercased() == other.host?.lowercased()
            && (port ?? defaultPort) == (other.port ?? other.defaultPort)
    }

    private var defaultPort: Int? {
        switch scheme?.lowercased() {
        case "https": return 443
        case "http": return 80
        default: return nil
        }
    }
}
