import Foundation

// The constructors the package uses, one per situation, so messages stay consistent.
extension HFError {
    /// A request refused before sending because `field` is wrong.
    package static func validation(field: String, _ message: String) -> HFError {
        var error = HFError(category: .validation, message: "\(field): \(message)")
        error.field = field
        return error
    }

    /// No token was found where a call needs one.
    package static func missingToken(searched: [String]) -> HFError {
        let places = searched.isEmpty ? "" : " Looked in: \(searched.joined(separator: "; "))."
        return HFError(
            category: .authentication,
            message: "This call needs a Hugging Face access token and none was found.\(places)",
            recoverySuggestion: "Create a token at https://huggingface.co/settings/tokens (permission \"Make calls to Inference Providers\") and set HF_TOKEN, or pass `token:` to HFConfiguration."
        )
    }

    /// The task was cancelled.
    package static func cancelled() -> HFError {
        HFError(category: .cancelled, message: "The request was cancelled.")
    }

    /// A deadline passed.
    package static func timeout(_ message: String) -> HFError {
        HFError(category: .timeout, message: message)
    }

    /// The connection failed; `underlying` is the cause, when there is one.
    package static func network(_ message: String, underlying: (any Error)? = nil) -> HFError {
        var error = HFError(category: .network, message: message)
        error.underlyingError = underlying
        error.underlyingDescription = underlying.map { "\($0)" }
        return error
    }

    /// A token provider's closure threw `error`.
    package static func tokenProviderFailed(_ error: any Error) -> HFError {
        var failure = HFError(
            category: .authentication,
            message: "The token provider failed, so the request was not sent.",
            recoverySuggestion: "Check the token provider's source (a vault, a file, a refresh call); the underlying error says what went wrong."
        )
        failure.underlyingError = error
        failure.underlyingDescription = "\(error)"
        return failure
    }

    /// What `error`, caught anywhere in a call, stands for: itself when it is an ``HFError``, the
    /// transport failure's category, `cancelled` for a `CancellationError`, else a network
    /// failure quoting it. Unscrubbed: ``HFClient/finalize(_:context:)`` scrubs what reaches a caller.
    package init(caught error: any Error) {
        switch error {
        case let error as HFError: self = error
        case let error as HTTPTransportError: self.init(transportError: error)
        case is CancellationError: self = .cancelled()
        default: self = .network("The request failed: \(error)", underlying: error)
        }
    }

    /// The error a transport's failure stands for: cancelled, timed out, too large, TLS, a request
    /// the transport could not send as given (validation: nothing was sent), or a network failure.
    package init(transportError: HTTPTransportError) {
        let category: Category
        var recoverySuggestion: String?
        switch transportError.code {
        case .cancelled: category = .cancelled
        case .timedOut: category = .timeout
        case .responseTooLarge: category = .responseTooLarge
        case .tlsFailed: category = .tls
        case .invalidRequest: category = .validation
        case .headTooLarge:
            category = .responseTooLarge
            recoverySuggestion = "No setting fixes this: the server, or a proxy in between, sent far larger headers than any real response has. Report it to whoever runs that endpoint, with the request id if you have one."
        default: category = .network
        }
        self.init(category: category, message: transportError.message, recoverySuggestion: recoverySuggestion)
        underlyingError = transportError
        underlyingDescription = transportError.detail
    }

    /// The same error with every text scrubbed by `redactor`: what every error path calls before an
    /// error reaches the caller or a log.
    package func redacted(by redactor: Redactor) -> HFError {
        var copy = self
        copy.message = redactor.scrub(message)
        copy.recoverySuggestion = redactor.scrub(recoverySuggestion)
        copy.requestID = requestID.map(redactor.scrub)
        copy.errorCode = errorCode.map(redactor.scrub)
        copy.errorType = errorType.map(redactor.scrub)
        copy.field = field.map(redactor.scrub)
        copy.bodySnippet = bodySnippet.map(redactor.scrub)
        copy.partialOutput = partialOutput.map(redactor.scrub)
        copy.underlyingDescription = underlyingDescription.map(redactor.scrub)
        switch underlyingError {
        case let cause as HFError:
            copy.underlyingError = cause.redacted(by: redactor)
        case let other?:
            // An error from elsewhere (a custom transport, a middleware) may quote a token; it is
            // then kept only as its scrubbed description.
            let text = "\(other)"
            let scrubbed = redactor.scrub(text)
            if scrubbed != text { copy.underlyingError = RedactedError(description: scrubbed) }
        case nil:
            break
        }
        return copy
    }

    /// A body that could not be read as the expected shape.
    package static func decoding(_ message: String, body: Data, status: Int? = nil, requestID: String? = nil) -> HFError {
        var error = HFError(category: .decoding, message: message)
        error.bodySnippet = snippet(of: body)
        error.status = status
        error.requestID = requestID
        return error
    }

    /// A stream that broke after it started; `cause` says why, `partialOutput` what had arrived.
    package static func streamInterrupted(cause: HFError, partialOutput: String) -> HFError {
        var error = HFError(
            category: .streamInterrupted,
            message: "The stream ended early: \(cause.message)",
            recoverySuggestion: "The text received before the break is in `partialOutput` and was delivered; send the request again for a complete answer. Cause: \(cause.recoverySuggestion)"
        )
        error.partialOutput = partialOutput
        error.status = cause.status
        error.requestID = cause.requestID
        error.provider = cause.provider
        error.errorType = cause.errorType
        error.errorCode = cause.errorCode
        error.underlyingError = cause
        error.underlyingDescription = "cause: \(cause.category)"
        return error
    }

    /// The first 300 characters of a body, as text, for messages.
    package static func snippet(of body: Data, limit: Int = 300) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}

extension HFError.Category {
    /// The category the caller will get for `error`, caught by a middleware around `next` (which
    /// may throw a transport's failure or a `CancellationError` before the client maps it): for
    /// bridges that label a call by how it ended without quoting the error's unscrubbed text.
    ///
    /// ```swift
    /// do { return try await next(context) } catch {
    ///     span.attributes["error.type"] = HFError.Category(of: error).name
    ///     throw error
    /// }
    /// ```
    public init(of error: any Error) {
        self = HFError(caught: error).category
    }
}
