#if canImport(CCurl)
import CCurl
import Foundation

/// The PEM bundle libcurl gets when a request trusts extra certificate authorities.
///
/// libcurl has no option that adds to the system's roots: `CURLOPT_CAINFO` and
/// `CURLOPT_CAINFO_BLOB` each replace the CA file (only `CURLOPT_CAPATH`, a directory, stays in
/// effect beside them). So the bundle is the CA file libcurl was built with (`CURLINFO_CAINFO`,
/// e.g. `/etc/ssl/certs/ca-certificates.crt`) followed by the extra certificates: public hosts
/// still verify, and so do servers whose chain ends at an extra authority.
enum CurlCertificateBundle {
    /// The system's CA file, read once; empty when libcurl names none or it cannot be read (the
    /// CA directory, if libcurl has one, then still holds the system's roots).
    private static let system: Data = {
        guard let path = hf_default_ca_bundle() else { return Data() }
        defer { free(path) }
        return FileManager.default.contents(atPath: String(cString: path)) ?? Data()
    }()

    /// The last bundle built: requests of one client all trust the same extra authorities.
    private static let last = LockedState<(certificates: [Data], bundle: Data)?>(nil)

    /// The system's roots followed by `certificates` (DER), as PEM.
    static func adding(_ certificates: [Data]) -> Data {
        if let cached = last.withLock({ $0 }), cached.certificates == certificates { return cached.bundle }
        var bundle = system
        bundle.append(contentsOf: "\n".utf8)
        for certificate in certificates {
            let base64 = certificate.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
            bundle.append(contentsOf: "-----BEGIN CERTIFICATE-----\n\(base64)\n-----END CERTIFICATE-----\n".utf8)
        }
        last.withLock { $0 = (certificates, bundle) }
        return bundle
    }
}
#endif
