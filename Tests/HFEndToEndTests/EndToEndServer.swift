import Foundation
import HFFull
import Testing

/// The real llama.cpp server that `Scripts/e2e.sh` starts on loopback (llama-cpp-python with a
/// tiny random-weight model): its base URL and log come from the environment. Without them the
/// end-to-end suite reports as skipped, never as passed.
enum EndToEndServer {
    static let environment = ProcessInfo.processInfo.environment
    /// `http://127.0.0.1:PORT/v1`.
    static let baseURL = environment["HF_E2E_BASE_URL"].flatMap { URL(string: $0) }
    /// The server's output, where it says that it noticed a client disconnect.
    static let log = environment["HF_E2E_SERVER_LOG"].map { URL(fileURLWithPath: $0) }
    static var isRunning: Bool { baseURL != nil }
    static let skipReason: Comment = "run Scripts/e2e.sh: it starts a llama.cpp server and runs these tests against it"

    /// Both aliases serve the same model; `tiny-embed` with embeddings on.
    static let chatModel: ModelID = "tiny-chat"
    static let embeddingModel = "tiny-embed"

    static var target: ChatTarget {
        get throws { .endpoint(try #require(baseURL)) }
    }

    /// Greedy decoding with a seed, so the same request gives the same answer.
    static func request(_ prompt: String, maxTokens: Int) -> ChatCompletionRequest {
        ChatCompletionRequest(model: chatModel, messages: [.user(prompt)], maxTokens: maxTokens, seed: 1, temperature: 0)
    }

    /// How many disconnects the server has logged so far.
    static func disconnectsLogged() throws -> Int {
        let text = try String(contentsOf: try #require(log), encoding: .utf8)
        return text.components(separatedBy: "\n").filter { $0.hasPrefix("Disconnected from client") }.count
    }

    /// A measured figure, collected by `Scripts/e2e.sh` into its report.
    static func figure(_ text: String) {
        print("e2e figure: \(text)")
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
