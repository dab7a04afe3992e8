import Foundation

extension HFClient {
    /// The context of a new call: attempt 1, due `requestTimeout` from now.
    package func context(
        _ operation: HFOperation, task: InferenceTask? = nil, model: ModelID? = nil, provider: Provider? = nil,
        streaming: Bool = false, token: TokenRequirement = .required
    ) -> HFRequestContext {
        HFRequestContext(
            operation: operation, task: task, model: model, provider: provider,
            deadline: .now + configuration.requestTimeout, isStreaming: streaming, token: token
        )
    }

    /// Runs one call through the middleware's operation level, then `body`; every error leaves as a
    /// scrubbed ``HFError``.
    ///
    /// `body` resolves the route for its context's provider (which an operation middleware may have
    /// changed), sends the request with ``exchange(_:context:)`` or ``openStream(_:context:)``,
    /// and reads the result.
    package func perform<Result: Sendable>(
        _ context: HFRequestContext,
        _ body: @escaping @Sendable (HFRequestContext) async throws -> Result
    ) async throws(HFError) -> Result {
        do {
            return try await runOperation(context, from: 0, body)
        } catch {
            throw finalize(error, context: context)
        }
    }

    private func runOperation<Result: Sendable>(
        _ context: HFRequestContext, from index: Int,
        _ body: @escaping @Sendable (HFRequestContext) async throws -> Result
    ) async throws -> Result {
        guard index < middleware.count else { return try await body(context) }
        return try await middleware[index].interceptOperation(context) { [self] next in
            try await runOperation(next, from: index + 1, body)
        }
    }

    /// Any error as the ``HFError`` the caller gets: transport failures mapped to their category,
    /// attributed to the context's provider, and every text scrubbed of every token the client has
    /// used. The one exit of every error path; calling it again on its result changes nothing.
    package func finalize(_ error: any Error, context: HFRequestContext?) -> HFError {
        var failure = HFError(caught: error)
        if failure.provider == nil { failure.provider = context?.provider }
        return failure.redacted(by: redactor)
    }

    /// `text` scrubbed of every token the client has used, for server text headed for a log.
    package func scrub(_ text: String) -> String {
        redactor.scrub(text)
    }
}
