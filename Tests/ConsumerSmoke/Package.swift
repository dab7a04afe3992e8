// swift-tools-version: 6.0
// A consumer of the package, outside it: one executable per product, each depending on that
// product alone. `Scripts/test.sh` builds it to prove a consumer can take just what it needs
// (and never builds the test support).
import PackageDescription

let package = Package(
    name: "ConsumerSmoke",
    platforms: [.macOS(.v13), .iOS(.v16)],
    dependencies: [.package(name: "HuggingFaceInference", path: "../..")],
    targets: [
        .executableTarget(name: "UsesHFCore", dependencies: [.product(name: "HFCore", package: "HuggingFaceInference")]),
        .executableTarget(name: "UsesHFInference", dependencies: [.product(name: "HFInference", package: "HuggingFaceInference")]),
        .executableTarget(name: "UsesHFStreaming", dependencies: [.product(name: "HFStreaming", package: "HuggingFaceInference")]),
        .executableTarget(name: "UsesHFEmbeddings", dependencies: [.product(name: "HFEmbeddings", package: "HuggingFaceInference")]),
        .executableTarget(name: "UsesHFSimilarity", dependencies: [.product(name: "HFSimilarity", package: "HuggingFaceInference")]),
        .executableTarget(name: "UsesHFModels", dependencies: [.product(name: "HFModels", package: "HuggingFaceInference")]),
        .executableTarget(name: "UsesHFMultimodal", dependencies: [.product(name: "HFMultimodal", package: "HuggingFaceInference")]),
        .executableTarget(name: "UsesHFEnterprise", dependencies: [.product(name: "HFEnterprise", package: "HuggingFaceInference")]),
        .executableTarget(name: "UsesHFSync", dependencies: [.product(name: "HFSync", package: "HuggingFaceInference")]),
        .executableTarget(name: "UsesHFFull", dependencies: [.product(name: "HFFull", package: "HuggingFaceInference")]),
    ],
    swiftLanguageModes: [.v6]
)
