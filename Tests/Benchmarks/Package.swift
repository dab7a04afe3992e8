// swift-tools-version: 6.0
// The benchmarks (`Scripts/bench.sh` builds this in release mode and runs it): a package of its own,
// depending on the library by path, so neither consumers nor `swift test` ever build it.
import PackageDescription

let package = Package(
    name: "HFBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "HuggingFaceInference", path: "../..")],
    targets: [
        .executableTarget(
            name: "HFBench",
            dependencies: ["HFCore", "HFInference", "HFStreaming", "HFEmbeddings", "HFSimilarity"].map {
                .product(name: $0, package: "HuggingFaceInference")
            }
        ),
    ],
    swiftLanguageModes: [.v6]
)
