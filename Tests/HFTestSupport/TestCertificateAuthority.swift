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
        // Keys from `ecparam` and extensions from files, rather than `-newkey ec -pkeyopt` and
        // `-addext`: the forms that OpenSSL and macOS's LibreSSL both take.
        let files = [
            "req.cnf": "[req]\ndistinguished_name = dn\n[dn]\n[authority]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\n",
            "server.ext": "subjectAltName = IP:127.0.0.1,DNS:localhost\nbasicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth\n",
        ]
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        for key in ["ca.key", "server.key"] {
            try await openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key], in: directory)
        }
        try await openssl([
            "req", "-x509", "-new", "-key", "ca.key", "-days", "2", "-subj", "/CN=HF test authority",
            "-config", "req.cnf", "-extensions", "authority", "-out", "ca.pem",
        ], in: directory)
        try await openssl(["req", "-new", "-key", "server.key", "-subj", "/CN=localhost", "-config", "req.cnf", "-out", "server.csr"], in: directory)
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
