import Foundation

/// A task call resolved to one adapter: where it goes, for which model id, and with which token.
package struct TaskRoute: Sendable {
    package let adapter: TaskAdapter
    package let url: URL
    package let model: TaskModel
    /// The provider that will answer, when known (`nil` when the router picks).
    package let provider: Provider?
    package let token: TokenRequirement

    /// The context of the call's requests: the operation's, with the provider that will answer.
    package func context(_ operation: HFRequestContext) -> HFRequestContext {
        var context = operation
        context.provider = provider
        context.token = token
        return context
    }

    /// The request for `body`, a task's request type encoded as its canonical JSON body (keys in
    /// declaration order, `nil` fields left out).
    package func request(encoding body: some Encodable, client: HFClient, accept: String = "application/json") throws(HFError) -> HTTPRequest {
        let canonical: JSONValue
        do {
            canonical = try JSONValueEncoder().encodeToValue(body)
        } catch {
            throw .validation(field: "body", "could not be encoded as JSON: \(error)")
        }
        guard case .object(let object) = canonical else {
            throw .validation(field: "body", "is not a JSON object")
        }
        return try request(object, client: client, accept: accept)
    }

    /// The request for `canonical`, the task's body in Hugging Face's shape, as the provider
    /// wants it; a value JSON cannot carry fails as a validation error.
    package func request(_ canonical: JSONObject, client: HFClient, accept: String = "application/json") throws(HFError) -> HTTPRequest {
        let body: Data
        do {
            body = try JSONWriter.write(.object(adapter.body(from: canonical, model: model)))
        } catch {
            throw .validation(field: "body", "could not be encoded as JSON: \(error)")
        }
        var request = client.makeRequest(.post, url: url, body: body, contentType: "application/json", accept: accept)
        for field in adapter.headers { request.headers[field.name] = field.value }
        return request
    }
}
