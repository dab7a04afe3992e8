import Foundation
import HFCore

/// A certificate authority made at test time with the `openssl` command, and a server certificate
/// it issued for `127.0.0.1` and `localhost`, in a temporary directory removed with this object.
/// No system trusts it: a client that has not been given ``certificatePEM`` must refuse the server.
///
/// ```swift
/// let authority = try await TestCertificateAuthority.make()
/// configuration.trustedCertificates = try TrustedCertificate.certificates(pem: authority.certificatePEM)
/// ```
public final class TestCertificateAuthority: Sendable {
    /// The authority's own certificate, PEM.
    public let certificatePEM: String
    /// The server's certificate (PEM file), issued by the authority.
    public let serverCertificate: URL
    /// The server's private key (PEM file).
    public let serverKey: URL
    private let directory: URL

    private init(directory: URL) throws {
        self.directory = directory
        certificatePEM = try String(contentsOf: directory.appendingPathComponent("ca.pem"), encoding: .utf8)
        serverCertificate = directory.appendingPathComponent("server.pem")
        serverKey = directory.appendingPathComponent("server.key")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Creates the authority (P-256 keys, valid two days) and the server certificate.
    public static func make() async throws -> TestCertificateAuthority {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hf-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let serverExtensions = "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
        try serverExtensions.write(to: directory.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try await openssl(["req", "-x509"] + key + [
            "-days", "2", "-subj", "/CN=HF test authority", "-keyout", "ca.key", "-out", "ca.pem",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ], in: directory)
        try await openssl(["req"] + key + ["-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr"], in: directory)
        try await openssl([
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-extfile", "server.ext", "-out", "server.pem",
        ], in: directory)
        return try TestCertificateAuthority(directory: directory)
    }

    private static func openssl(_ arguments: [String], in directory: URL) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try ProcessLaunch.run(process)
            } catch {
                continuation.resume(throwing: error)
            }
        }
        guard status == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw HarnessError(description: "openssl \(arguments.first ?? "") failed (\(status)): \(message)")
        }
    }
}
