import Foundation

/// A recorded case read straight from the root package's `Tests/HFReplay/Recorded`, for the values
/// a command must print.
struct Recording {
    let interactions: [[String: Any]]

    init(_ stem: String) throws {
        let file = Launcher.repositoryRoot.appendingPathComponent("Tests/HFReplay/Recorded/\(stem).json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        interactions = object?["interactions"] as? [[String: Any]] ?? []
    }

    /// The response body of the first interaction whose URL contains `fragment`.
    func responseBody(at fragment: String) throws -> Data {
        try body(of: "response", at: fragment)
    }

    /// The request body (an uploaded file) of the first interaction whose URL contains `fragment`.
    func requestBody(at fragment: String) throws -> Data {
        try body(of: "request", at: fragment)
    }

    private func body(of side: String, at fragment: String) throws -> Data {
        let interaction = interactions.first { (($0["request"] as? [String: Any])?["url"] as? String)?.contains(fragment) == true }
        let message = interaction?[side] as? [String: Any]
        if let text = message?["body"] as? String { return Data(text.utf8) }
        if let base64 = message?["body_base64"] as? String, let data = Data(base64Encoded: base64) { return data }
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSDebugDescriptionErrorKey: "no \(side) body at \(fragment)"])
    }

    /// What a recorded chat stream says: its `delta.content` pieces, finish reason and total tokens.
    struct Stream {
        var pieces: [String] = []
        var finishReason: String?
        var totalTokens: Int?
    }

    func stream(at fragment: String) throws -> Stream {
        var stream = Stream()
        for line in String(decoding: try responseBody(at: fragment), as: UTF8.self).split(separator: "\n") where line.hasPrefix("data: {") {
            let event = try JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8)) as? [String: Any]
            let choice = (event?["choices"] as? [[String: Any]])?.first
            if let content = (choice?["delta"] as? [String: Any])?["content"] as? String { stream.pieces.append(content) }
            stream.finishReason = choice?["finish_reason"] as? String ?? stream.finishReason
            stream.totalTokens = (event?["usage"] as? [String: Any])?["total_tokens"] as? Int ?? stream.totalTokens
        }
        return stream
    }
}
