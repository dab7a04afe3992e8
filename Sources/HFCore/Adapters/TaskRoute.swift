import Foundation

/// A task call resolved to one adapter: where it goes, for which model id, and with which token.
package struct TaskRoute: Sendable {
    package let adapter: TaskAdapter
    package let url: URL
    package let model: TaskModel
    /// The provider that will answer, when known (`nil` when the router picks).
    package let provider: Provider?
    package let token: TokenRequirement

    /// The call for `body`, a task's request type encoded as its canonical JSON body (keys in
    /// declaration order, `nil` fields left out), in the `operation`'s context.
    package func call(
        encoding body: some Encodable, client: HFClient, accept: String = "application/json", operation: HFRequestContext
    ) throws(HFError) -> TaskCall {
        let canonical: JSONValue
        do {
            canonical = try JSONValueEncoder().encodeToValue(body)
        } catch {
            throw .validation(field: "body", "could not be encoded as JSON: \(error)")
        }
        guard case .object(let object) = canonical else {
            throw .validation(field: "body", "is not a JSON object")
        }
        return try call(object, client: client, accept: accept, operation: operation)
    }

    /// The call for `canonical`, the task's body in Hugging Face's shape.
    package func call(
        _ canonical: JSONObject, client: HFClient, accept: String = "application/json", operation: HFRequestContext
    ) throws(HFError) -> TaskCall {
        try call(TaskPayload(json: canonical), client: client, accept: accept, operation: operation)
    }

    /// The call for `payload`, the task's input in Hugging Face's shape, shaped as the provider
    /// wants it; a value the body cannot carry fails as a validation error. Its context is the
    /// operation's, with the provider that will answer and the token this route needs.
    package func call(
        _ payload: TaskPayload, client: HFClient, accept: String = "application/json", operation: HFRequestContext
    ) throws(HFError) -> TaskCall {
        let data: Data
        let contentType: String
        switch try adapter.body(for: payload, model: model) {
        case .json(let object):
            do {
                data = try JSONWriter.write(.object(object))
            } catch {
                throw .validation(field: "body", "could not be encoded as JSON: \(error)")
            }
            contentType = "application/json"
        case .media(let media):
            data = media.data
            contentType = media.contentType
        case .multipart(let form):
            data = form.encoded()
            contentType = form.contentType
        }
        var request = client.makeRequest(.post, url: url, body: data, contentType: contentType, accept: accept)
        for field in adapter.headers { request.headers[field.name] = field.value }
        var context = operation
        context.provider = provider
        context.token = token
        return TaskCall(route: self, request: request, context: context)
    }
}

/// One request of a task call, ready to send: its route, the request, and its context.
package struct TaskCall: Sendable {
    package let route: TaskRoute
    package let request: HTTPRequest
    package let context: HFRequestContext
}

extension HFClient {
    /// Sends a task call as its provider answers it, and returns the task's canonical reply whole
    /// (a provider's base64 image decoded, a result URL downloaded).
    package func run(_ call: TaskCall) async throws -> HTTPResponse {
        switch call.route.adapter.execution {
        case .synchronous:
            let response = try await exchange(call.request, context: call.context)
            do {
                return try await call.route.adapter.reply.apply(to: response, ReplyContext(client: self, call: call))
            } catch {
                // Attributed to the provider that answered, which the operation may not know.
                throw finalize(error, context: call.context)
            }
        }
    }

    /// Opens a streamed task call (providers stream only in the response to the request itself).
    /// The body is not capped as a whole: its reader caps each event (``HFConfiguration/maximumEventSize``)
    /// and a reply that is not a stream (``HFConfiguration/maximumResponseSize``).
    package func openStream(_ call: TaskCall) async throws -> OpenedStream {
        var request = call.request
        request.limits.maximumResponseSize = .max
        return OpenedStream(response: try await openStream(request, context: call.context), context: call.context)
    }
}
