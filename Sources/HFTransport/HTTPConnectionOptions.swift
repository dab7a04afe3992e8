import Foundation

/// How a transport reaches the server for one request: which certificate authorities it trusts
/// beyond the system's, and which proxy it goes through. The client sets them from its
/// configuration on every request it sends.
///
/// ```swift
/// var request = HTTPRequest(method: .get, url: URL(string: "https://llm.internal.example/health")!)
/// request.connection.additionalTrustedCertificates = [companyRootDER]
/// request.connection.proxy = URL(string: "http://proxy.internal.example:3128")
/// ```
public struct HTTPConnectionOptions: Sendable, Hashable {
    /// Certificate authorities (DER-encoded X.509) trusted in addition to the system's: a server
    /// whose chain ends at one of them, or at a system root, is accepted. Validation stays on.
    public var additionalTrustedCertificates: [Data]
    /// An `http://host:port` proxy that every request goes through (https through a `CONNECT`
    /// tunnel). `nil`: the platform's own choice (libcurl reads `https_proxy` and `no_proxy`;
    /// URLSession uses the system settings).
    public var proxy: URL?

    /// Options with the given extra authorities and proxy; the defaults are the platform's own
    /// trust store and proxy settings.
    ///
    /// ```swift
    /// let options = HTTPConnectionOptions(additionalTrustedCertificates: [companyRootDER])
    /// ```
    public init(additionalTrustedCertificates: [Data] = [], proxy: URL? = nil) {
        self.additionalTrustedCertificates = additionalTrustedCertificates
        self.proxy = proxy
    }
}
