import Foundation

extension Provider {
    /// The provider's own API host, for direct calls with the provider's key (not an `hf_` token):
    /// set it as the provider's base URL in ``HFConfiguration/providerBaseURLs``. `nil` for
    /// providers this package does not know, and for those reached only through the router.
    ///
    /// ```swift
    /// configuration.providerBaseURLs[.together] = Provider.together.directBaseURL
    /// ```
    public var directBaseURL: URL? {
        AdapterRegistry.standard.provider(self)?.directBaseURL
    }
}
