import Foundation

/// How one provider (or the router, or a server of the caller's) serves one task: the URL of the
/// call, the model id and body shape the provider wants, the headers it needs, how its reply
/// becomes the task's canonical one, and whether it answers at once. The Python client's
/// per-provider task helpers, as values.
///
/// An API group builds the task's canonical input (Hugging Face's own shape: the OpenAI chat body,
/// TEI's `{"inputs", …}`, hf-inference's task bodies with the file kept as bytes) and reads the
/// canonical reply; the adapter maps between those and the provider's wire. Adapters are declared
/// per provider, one file each, in `Providers/`:
///
/// ```swift
/// static let together = ProviderAdapters(.together, directBaseURL: "https://api.together.xyz", [
///     .openAIChat(path: "/v1/chat/completions", rewrite: .jsonSchemaAsSchema),
///     .openAIEmbeddings(path: "/v1/embeddings"),
///     .openAIImages(path: "/v1/images/generations", fixed: ["response_format": "base64"]),
/// ])
/// ```
package struct TaskAdapter: Sendable {
    package let task: InferenceTask
    package let execution: TaskExecution
    package let response: ResponseShape
    /// Whether the provider's model id comes from the Hub mapping (every provider but hf-inference,
    /// whose ids are Hub ids).
    package let usesMapping: Bool
    /// Headers the provider needs on the call (Replicate's `Prefer: wait`), and an `Accept` that
    /// replaces the API group's.
    package let headers: HTTPHeaders
    /// How the provider's reply becomes the canonical one.
    package let reply: ReplyConversion
    private let makeURL: @Sendable (_ base: URL, _ model: TaskModel) -> URL
    private let makeBody: @Sendable (_ payload: TaskPayload, _ model: TaskModel) throws(HFError) -> TaskBody

    /// An adapter whose body is JSON made from the canonical JSON body.
    package init(
        task: InferenceTask,
        execution: TaskExecution = .synchronous,
        response: ResponseShape = .canonical,
        usesMapping: Bool = true,
        headers: HTTPHeaders = [:],
        reply: ReplyConversion = .none,
        url: @escaping @Sendable (_ base: URL, _ model: TaskModel) -> URL,
        body: @escaping @Sendable (_ body: inout JSONObject, _ model: TaskModel) -> Void = { _, _ in }
    ) {
        self.init(task: task, execution: execution, response: response, usesMapping: usesMapping, headers: headers, reply: reply, url: url) { payload, model in
            var json = payload.json
            body(&json, model)
            return .json(json)
        }
    }

    /// An adapter that makes any kind of body (raw bytes, multipart, JSON) from the whole payload,
    /// and may refuse one it cannot carry.
    package init(
        task: InferenceTask,
        execution: TaskExecution = .synchronous,
        response: ResponseShape = .canonical,
        usesMapping: Bool = true,
        headers: HTTPHeaders = [:],
        reply: ReplyConversion = .none,
        url: @escaping @Sendable (_ base: URL, _ model: TaskModel) -> URL,
        payload: @escaping @Sendable (_ payload: TaskPayload, _ model: TaskModel) throws(HFError) -> TaskBody
    ) {
        self.task = task
        self.execution = execution
        self.response = response
        self.usesMapping = usesMapping
        self.headers = headers
        self.reply = reply
        makeURL = url
        makeBody = payload
    }

    /// The URL of a call below `base` (the provider's base URL, the router's, or the caller's endpoint).
    package func url(base: URL, model: TaskModel) -> URL {
        makeURL(base, model)
    }

    /// The provider's body made from the task's canonical input.
    package func body(for payload: TaskPayload, model: TaskModel) throws(HFError) -> TaskBody {
        try makeBody(payload, model)
    }

}
