import Foundation

/// How one provider (or the router, or a server of the caller's) serves one task: the URL of the
/// call, the model id and body shape the provider wants, how its response relates to the task's
/// canonical shape, and whether it answers at once. The Python client's per-provider task
/// helpers, as values.
///
/// An API group builds the task's canonical body (Hugging Face's own shape: the OpenAI chat body,
/// TEI's `{"inputs", …}`) and reads the canonical response; the adapter maps between those and
/// the provider's wire. Adapters are declared per provider, one file each, in `Providers/`:
///
/// ```swift
/// static let together = ProviderAdapters(.together, directBaseURL: "https://api.together.xyz", [
///     .openAIChat(path: "/v1/chat/completions", rewrite: .jsonSchemaAsSchema),
///     .openAIEmbeddings(path: "/v1/embeddings"),
/// ])
/// ```
package struct TaskAdapter: Sendable {
    package let task: InferenceTask
    package let execution: TaskExecution
    package let response: ResponseShape
    /// Whether the provider's model id comes from the Hub mapping (every provider but hf-inference,
    /// whose ids are Hub ids).
    package let usesMapping: Bool
    private let makeURL: @Sendable (_ base: URL, _ model: TaskModel) -> URL
    private let shapeBody: @Sendable (_ body: inout JSONObject, _ model: TaskModel) -> Void

    package init(
        task: InferenceTask,
        execution: TaskExecution = .synchronous,
        response: ResponseShape = .canonical,
        usesMapping: Bool = true,
        url: @escaping @Sendable (_ base: URL, _ model: TaskModel) -> URL,
        body: @escaping @Sendable (_ body: inout JSONObject, _ model: TaskModel) -> Void = { _, _ in }
    ) {
        self.task = task
        self.execution = execution
        self.response = response
        self.usesMapping = usesMapping
        makeURL = url
        shapeBody = body
    }

    /// The URL of a call below `base` (the provider's base URL, the router's, or the caller's endpoint).
    package func url(base: URL, model: TaskModel) -> URL {
        makeURL(base, model)
    }

    /// The provider's body made from the task's canonical one.
    package func body(from canonical: JSONObject, model: TaskModel) -> JSONObject {
        var body = canonical
        shapeBody(&body, model)
        return body
    }
}
