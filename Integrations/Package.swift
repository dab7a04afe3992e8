// swift-tools-version: 6.0
// Integrations with third-party packages, kept out of the library so that its consumers never
// fetch them: this package depends on the library by path and adds what needs other packages.
//
// - Bridges to the server-side Swift ecosystem: swift-log, swift-metrics, swift-distributed-tracing.
// - `hf`: a command-line tool (swift-argument-parser) for trying models from a shell.
//
// Tests run over the library's recorded traffic: `HFReplay` here is the library's loopback replay
// server (Tests/HFReplay, through a symbolic link), a plain target that only the tests depend on;
// the `hf` tests run the built tool against the root package's HFReplayServe executable.
// Build and test: `Scripts/test-integrations.sh`.
import PackageDescription

let package = Package(
    name: "HuggingFaceInferenceIntegrations",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "HFLogging", targets: ["HFLogging"]),
        .library(name: "HFMetrics", targets: ["HFMetrics"]),
        .library(name: "HFTracing", targets: ["HFTracing"]),
        .executable(name: "hf", targets: ["HFCommandLine"]),
    ],
    dependencies: [
        .package(name: "HuggingFaceInference", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: Bridges
        .target(name: "HFLogging", dependencies: [
            .product(name: "HFCore", package: "HuggingFaceInference"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "HFMetrics", dependencies: [
            .product(name: "HFEnterprise", package: "HuggingFaceInference"),
            .product(name: "Metrics", package: "swift-metrics"),
        ]),
        .target(name: "HFTracing", dependencies: [
            .product(name: "HFCore", package: "HuggingFaceInference"),
            .product(name: "Tracing", package: "swift-distributed-tracing"),
        ]),

        // MARK: Command-line tool
        .executableTarget(name: "HFCommandLine", dependencies: [
            .product(name: "HFFull", package: "HuggingFaceInference"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Test support (never a product)
        .target(name: "HFReplay", path: "Tests/HFReplay", resources: [.copy("Recorded")]),

        // MARK: Tests
        .testTarget(name: "HFIntegrationsTests", dependencies: [
            "HFLogging", "HFMetrics", "HFTracing", "HFReplay",
            .product(name: "HFInference", package: "HuggingFaceInference"),
            .product(name: "HFStreaming", package: "HuggingFaceInference"),
            .product(name: "HFEmbeddings", package: "HuggingFaceInference"),
            .product(name: "InMemoryLogging", package: "swift-log"),
            .product(name: "MetricsTestKit", package: "swift-metrics"),
            .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
        ]),
        // Runs the built `hf` against the root package's HFReplayServe (recorded traffic), through
        // pipes and a pseudo-terminal.
        .testTarget(name: "HFCommandLineTests", dependencies: ["HFCommandLine"]),
    ],
    swiftLanguageModes: [.v6]
)
