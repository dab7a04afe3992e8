/// What the caller asked the client to do, named for middleware, logs and metrics: `chat`,
/// `chat.stream`, `embeddings`, … An open set: products add operations, and a name this package
/// does not know is kept as it is.
///
/// ```swift
/// struct OnlyChat: HFMiddleware {
///     func intercept(_ request: HTTPRequest, context: HFRequestContext, next: Next) async throws -> HTTPResponse {
///         if context.operation == .chat { print("chat with", context.model ?? "?") }
///         return try await next(request, context)
///     }
/// }
/// ```
public struct HFOperation: OpenStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `client.inference.chat`.
    public static let chat: HFOperation = "chat"
    /// `client.inference.chatStream`.
    public static let chatStream: HFOperation = "chat.stream"
    /// `client.inference.textGeneration`.
    public static let textGeneration: HFOperation = "textGeneration"
    /// `client.inference.textGenerationStream`.
    public static let textGenerationStream: HFOperation = "textGeneration.stream"
    /// `client.embeddings.embed` (one request of a batched call each).
    public static let embeddings: HFOperation = "embeddings"
    /// `client.embeddings.similarity`.
    public static let sentenceSimilarity: HFOperation = "sentenceSimilarity"
    /// `client.providerMappings(for:)`: the Hub's provider mapping of a model.
    public static let providerMapping: HFOperation = "providerMapping"
    /// `client.models.info` and `client.models.availability`.
    public static let modelInfo: HFOperation = "models.info"
    /// One page of `client.models.list`.
    public static let modelList: HFOperation = "models.list"
    /// A request sent with `client.send` or `client.stream`.
    public static let request: HFOperation = "request"
}
