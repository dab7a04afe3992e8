import Foundation

/// A certificate authority trusted in addition to the system's, for private endpoints whose TLS
/// certificates a company or lab authority issued (see ``HFConfiguration/trustedCertificates``).
///
/// Certificate validation stays on: a server is accepted when its chain ends at a system root or
/// at one of these, and its name matches. Input is checked when it is read, so a wrong file fails
/// here as ``HFError/Category/validation``, not later as a handshake failure.
///
/// ```swift
/// let pem = try String(contentsOfFile: "/etc/ssl/company-root-ca.pem", encoding: .utf8)
/// var configuration = HFConfiguration()
/// configuration.trustedCertificates = try TrustedCertificate.certificates(pem: pem)
/// configuration.providerBaseURLs[.hfInference] = URL(string: "https://tgi.internal.example")!
/// ```
public struct TrustedCertificate: Sendable, Hashable {
    /// The certificate, DER-encoded.
    public let derRepresentation: Data

    /// A certificate from its DER encoding; throws ``HFError/Category/validation`` when the bytes
    /// are not an X.509 certificate's outer structure.
    public init(derRepresentation: Data) throws(HFError) {
        guard Self.isCertificateStructure(derRepresentation) else {
            throw .validation(field: "trustedCertificates", "the \(derRepresentation.count) bytes given are not a DER-encoded X.509 certificate")
        }
        self.init(checked: derRepresentation)
    }

    private init(checked der: Data) {
        derRepresentation = der
    }

    /// Every certificate in PEM text (one or more `-----BEGIN CERTIFICATE-----` blocks; text
    /// between blocks, such as a bundle's comments, is ignored). Throws
    /// ``HFError/Category/validation`` when there is no certificate, a block is not valid base64
    /// or not a certificate, a block is cut short, or the text holds a private key.
    public static func certificates(pem: String) throws(HFError) -> [TrustedCertificate] {
        var certificates: [TrustedCertificate] = []
        var label: String?
        var base64 = ""
        for rawLine in pem.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let begin = Self.boundaryLabel(line, "BEGIN") {
                guard label == nil else { throw invalid("a \"BEGIN \(begin)\" line comes before the block above it ends") }
                guard !begin.contains("PRIVATE KEY") else { throw invalid("the text holds a private key; give only the authority's certificate") }
                label = begin
                base64 = ""
            } else if let end = Self.boundaryLabel(line, "END") {
                guard end == label else { throw invalid("\"END \(end)\" does not close the block it ends") }
                label = nil
                guard end == "CERTIFICATE" else { continue }
                guard let der = Data(base64Encoded: base64) else { throw invalid("a CERTIFICATE block is not valid base64") }
                guard Self.isCertificateStructure(der) else { throw invalid("a CERTIFICATE block does not hold an X.509 certificate") }
                certificates.append(TrustedCertificate(checked: der))
            } else if label != nil {
                base64 += line
            }
        }
        guard label == nil else { throw invalid("the last block has no END line") }
        guard !certificates.isEmpty else { throw invalid("no \"-----BEGIN CERTIFICATE-----\" block found; give the authority's certificate in PEM") }
        return certificates
    }

    private static func invalid(_ reason: String) -> HFError {
        .validation(field: "trustedCertificates", reason)
    }

    /// `LABEL` for `-----BEGIN LABEL-----` (or END), else `nil`.
    private static func boundaryLabel(_ line: String, _ kind: String) -> String? {
        let prefix = "-----\(kind) "
        guard line.hasPrefix(prefix), line.hasSuffix("-----"), line.count >= prefix.count + 5 else { return nil }
        return String(line.dropFirst(prefix.count).dropLast(5))
    }

    /// `true` when `der` is shaped like `Certificate ::= SEQUENCE { tbsCertificate SEQUENCE,
    /// signatureAlgorithm SEQUENCE, signatureValue BIT STRING }` (RFC 5280), filling it exactly.
    /// The contents are left to the TLS library; this catches the wrong file, not a forged one.
    private static func isCertificateStructure(_ der: Data) -> Bool {
        let bytes = [UInt8](der)
        guard let outer = element(in: bytes, at: 0), outer.tag == 0x30, outer.end == bytes.count else { return false }
        var offset = outer.contentStart
        for expectedTag: UInt8 in [0x30, 0x30, 0x03] {
            guard let inner = element(in: bytes, at: offset), inner.tag == expectedTag, inner.end <= outer.end else { return false }
            offset = inner.end
        }
        return offset == outer.end
    }

    /// The DER element at `offset`: its tag, where its contents start and where it ends.
    private static func element(in bytes: [UInt8], at offset: Int) -> (tag: UInt8, contentStart: Int, end: Int)? {
        guard offset + 2 <= bytes.count else { return nil }
        let first = Int(bytes[offset + 1])
        var length = first
        var contentStart = offset + 2
        if first & 0x80 != 0 {
            let count = first & 0x7F
            guard (1...4).contains(count), contentStart + count <= bytes.count else { return nil }
            length = bytes[contentStart..<(contentStart + count)].reduce(0) { $0 << 8 | Int($1) }
            contentStart += count
        }
        let end = contentStart + length
        guard end <= bytes.count else { return nil }
        return (bytes[offset], contentStart, end)
    }
}
