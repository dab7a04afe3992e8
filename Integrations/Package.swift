// swift-tools-version: 6.0
// Bridges from the Hugging Face client to the server-side Swift ecosystem: swift-log,
// swift-metrics and swift-distributed-tracing. A package of its own, depending on the library by
// path, so the library keeps its zero dependencies and its consumers never fetch these packages.
//
// Tests run over the library's recorded traffic: `HFReplay` here is the library's loopback replay
// server (Tests/HFReplay, through a symbolic link), a plain target that only the tests depend on.
import PackageDescription

let package = Package(
    name: "HuggingFaceInferenceIntegrations",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "HFLogging", targets: ["HFLogging"]),
        .library(name: "HFMetrics", targets: ["HFMetrics"]),
        .library(name: "HFTracing", targets: ["HFTracing"]),
    ],
    dependencies: [
        .package(name: "HuggingFaceInference", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
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
    ],
    swiftLanguageModes: [.v6]
)
