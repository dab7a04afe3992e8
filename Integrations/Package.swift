// swift-tools-version: 6.0
// Integrations with third-party packages, kept out of the library so that its consumers never
// fetch them: this package depends on the library by path and adds what needs other packages.
//
// - `hf`: a command-line tool (swift-argument-parser) for trying models from a shell.
//
// Build and test: `swift build --package-path Integrations`, `swift test --package-path Integrations`.

import PackageDescription

let package = Package(
    name: "HuggingFaceInferenceIntegrations",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .executable(name: "hf", targets: ["HFCommandLine"]),
    ],
    dependencies: [
        .package(name: "HuggingFaceInference", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "HFCommandLine",
            dependencies: [
                .product(name: "HFFull", package: "HuggingFaceInference"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runs the built `hf` against the root package's HFReplayServe (recorded traffic), through
        // pipes and a pseudo-terminal.
        .testTarget(name: "HFCommandLineTests", dependencies: ["HFCommandLine"]),
    ],
    swiftLanguageModes: [.v6]
)
