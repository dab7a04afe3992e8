// swift-tools-version: 6.0
// The Swift client for Hugging Face inference.
//
// Library products need nothing beyond the toolchain: Foundation everywhere, and on Linux the system
// libcurl (libcurl4-openssl-dev) through the `CCurl` system-library target. Test support
// (`HFReplay`) is a plain target that no library product depends on, so consumers never build it.
//
// Layers: HFJSON (the one JSON tokenizer, value, writer and coders) and HFTransport (HTTP types,
// body channel, SSE framing, the libcurl and URLSession transports) are internal targets below
// HFCore, which re-exports what users need; HFTransport knows nothing of providers or HFError.

import PackageDescription

let package = Package(
    name: "HuggingFaceInference",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "HFCore", targets: ["HFCore"]),
        .library(name: "HFInference", targets: ["HFInference"]),
        .library(name: "HFStreaming", targets: ["HFStreaming"]),
        .library(name: "HFEmbeddings", targets: ["HFEmbeddings"]),
        .library(name: "HFSimilarity", targets: ["HFSimilarity"]),
        .library(name: "HFModels", targets: ["HFModels"]),
        .library(name: "HFMultimodal", targets: ["HFMultimodal"]),
        .library(name: "HFEnterprise", targets: ["HFEnterprise"]),
        .library(name: "HFSync", targets: ["HFSync"]),
        .library(name: "HFFull", targets: ["HFFull"]),
    ],
    targets: [
        // MARK: Library
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "HFJSON"),
        .target(
            name: "HFTransport",
            dependencies: [.target(name: "CCurl", condition: .when(platforms: [.linux]))]
        ),
        .target(name: "HFCore", dependencies: ["HFJSON", "HFTransport"]),
        // HFJSON is listed where its reader (`@_spi(JSONReader)`) is imported directly.
        .target(name: "HFInference", dependencies: ["HFCore", "HFJSON"]),
        .target(name: "HFStreaming", dependencies: ["HFCore", "HFJSON", "HFInference"]),
        .target(name: "HFEmbeddings", dependencies: ["HFCore", "HFJSON"]),
        .target(name: "HFSimilarity", dependencies: ["HFEmbeddings"]),
        .target(name: "HFModels", dependencies: ["HFCore"]),
        .target(name: "HFMultimodal", dependencies: ["HFCore"]),
        .target(name: "HFEnterprise", dependencies: ["HFCore"]),
        // Blocking wrappers over the async products, for code that is not `async`.
        .target(name: "HFSync", dependencies: ["HFCore", "HFInference", "HFStreaming", "HFEmbeddings", "HFModels", "HFMultimodal"]),
        .target(name: "HFFull", dependencies: ["HFCore", "HFInference", "HFStreaming", "HFEmbeddings", "HFSimilarity", "HFModels", "HFMultimodal", "HFEnterprise", "HFSync"]),

        // MARK: Test support (never a library product)
        .target(
            name: "HFReplay",
            path: "Tests/HFReplay",
            resources: [.copy("Recorded")]
        ),
        .target(name: "HFTestSupport", dependencies: ["HFCore", "HFJSON", "HFReplay", "HFEnterprise"], path: "Tests/HFTestSupport"),
        // The README's first command: the main job end to end, offline on recorded traffic or live.
        .executableTarget(name: "HFDemo", dependencies: ["HFFull", "HFReplay", "HFTestSupport"]),
        .executableTarget(name: "HFWaitProbe", dependencies: ["HFCore", "HFReplay", "HFTestSupport"], path: "Tests/HFWaitProbe"),
        // Recorded traffic for another process: the Integrations package's command-line tests run it.
        .executableTarget(name: "HFReplayServe", dependencies: ["HFReplay"], path: "Tests/HFReplayServe"),
        .executableTarget(name: "HFConnectionProbe", dependencies: ["HFCore", "HFReplay", "HFTestSupport"], path: "Tests/HFConnectionProbe"),
        // The soak (`Scripts/soak.sh`, release mode): thousands of faulted streams; not run by `swift test`.
        .executableTarget(name: "HFSoak", dependencies: ["HFCore", "HFInference", "HFStreaming", "HFReplay", "HFTestSupport"], path: "Tests/HFSoak"),

        // MARK: Tests
        .testTarget(name: "HFCoreTests", dependencies: ["HFCore", "HFJSON", "HFTransport", "HFReplay", "HFTestSupport", "HFWaitProbe", "HFConnectionProbe"], exclude: ["Fixtures"]),
        .testTarget(name: "HFReplayTests", dependencies: ["HFReplay", "HFCore"]),
        .testTarget(name: "HFInferenceTests", dependencies: ["HFInference", "HFJSON", "HFReplay", "HFTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HFStreamingTests", dependencies: ["HFStreaming", "HFJSON", "HFInference", "HFReplay", "HFTestSupport"], exclude: ["Fixtures"]),
        // Live tests call the real router; they run only with HF_LIVE=1 (and then need a token).
        .testTarget(name: "HFFullTests", dependencies: ["HFFull", "HFReplay", "HFTestSupport"]),
        .testTarget(name: "HFLiveTests", dependencies: ["HFInference", "HFStreaming"]),
        // Against a real llama.cpp server that Scripts/e2e.sh starts; skipped (and said so) without it.
        .testTarget(name: "HFEndToEndTests", dependencies: ["HFFull"]),
        .testTarget(name: "HFEmbeddingsTests", dependencies: ["HFEmbeddings", "HFReplay", "HFTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HFSimilarityTests", dependencies: ["HFSimilarity", "HFReplay", "HFTestSupport"]),
        .testTarget(name: "HFModelsTests", dependencies: ["HFModels", "HFReplay", "HFTestSupport"]),
        .testTarget(name: "HFSyncTests", dependencies: ["HFSync", "HFReplay", "HFTestSupport"]),
        .testTarget(name: "HFMultimodalTests", dependencies: ["HFMultimodal", "HFReplay", "HFTestSupport"]),
        .testTarget(
            name: "HFEnterpriseTests",
            dependencies: ["HFEnterprise", "HFInference", "HFStreaming", "HFEmbeddings", "HFReplay", "HFTestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
