import Foundation

/// Facts about this package.
///
/// ```swift
/// print(HFPackage.version)            // "0.1.0"
/// print(HFPackage.defaultUserAgent)   // "HuggingFaceInference-Swift/0.1.0 (Swift 6.3; Linux)"
/// ```
public enum HFPackage {
    /// The package version, sent in the default `User-Agent`.
    public static let version = "0.1.0"

    /// `HuggingFaceInference-Swift/0.1.0 (Swift 6.x; Linux)`: names the package, its version and
    /// the platform, so Hugging Face and providers can tell this client's traffic apart.
    public static let defaultUserAgent = "HuggingFaceInference-Swift/\(version) (Swift \(swiftVersion); \(platform))"

    private static var swiftVersion: String {
        #if swift(>=6.3)
        return "6.3"
        #elseif swift(>=6.2)
        return "6.2"
        #elseif swift(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    private static var platform: String {
        #if os(Linux)
        return "Linux"
        #elseif os(macOS)
        return "macOS"
        #elseif os(iOS)
        return "iOS"
        #elseif os(tvOS)
        return "tvOS"
        #elseif os(watchOS)
        return "watchOS"
        #elseif os(visionOS)
        return "visionOS"
        #elseif os(Windows)
        return "Windows"
        #else
        return "unknown"
        #endif
    }
}
