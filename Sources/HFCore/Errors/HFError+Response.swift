import Foundation

extension HFError {
    /// The error an HTTP error response stands for.
    ///
    /// The message comes from the `X-Error-Message` header, else the body (``ErrorBody``), else the
    /// status line. The client scrubs its texts of the token before the error leaves it.
    package init(response: HTTPResponse, url: URL? = nil, provider: Provider? = nil, now: Date = Date()) {
        let status = response.status
        let body = ErrorBody(data: response.body, contentType: response.headers["Content-Type"])
        let headerMessage = response.headers["X-Error-Message"]
        let serverMessage = headerMessage ?? body.message
        let category = Self.category(status: status, body: body)
        let errorCode = response.headers["X-Error-Code"] ?? body.code
        let message = serverMessage ?? "The server answered HTTP \(status) without a message"
        self.init(
            category: category,
            message: message,
            recoverySuggestion: Self.suggestion(status: status, category: category, errorCode: errorCode, url: url)
        )
        self.status = status
        self.requestID = response.headers["X-Request-Id"] ?? response.headers["X-Amzn-Trace-Id"] ?? response.headers["X-Amz-Cf-Id"]
        self.errorCode = errorCode
        self.errorType = body.errorType
        self.provider = provider
        self.retryAfter = RetryAfter.parse(response.headers, status: status, now: now)
        self.estimatedTime = body.estimatedTime.map { Duration(clampingSeconds: $0) }
        if !response.body.isEmpty {
            self.bodySnippet = Self.snippet(of: response.body)
        }
    }

    private static func category(status: Int, body: ErrorBody) -> Category {
        switch status {
        case 401, 403: return .authentication
        case 408, 504: return .timeout
        case 429: return .rateLimited
        case 503: return .modelUnavailable
        default:
            if body.estimatedTime != nil { return .modelUnavailable }
            if body.errorType == "overloaded" { return .modelUnavailable }
            return .api
        }
    }

    private static func suggestion(status: Int, category: Category, errorCode: String?, url: URL?) -> String {
        let isHub = url?.path.hasPrefix("/api/") ?? false
        switch (status, errorCode) {
        case (_, "GatedRepo"?):
            return "This model is gated: accept its conditions on its Hugging Face page with the account that owns the token."
        case (_, "RepoNotFound"?):
            return "Check the model id (namespace/name). A private model also needs a token with read access to it."
        case (_, "context_length_exceeded"?):
            return "The messages and max_tokens together do not fit the model's context window: shorten or drop earlier messages, or lower max_tokens."
        case (401, _) where isHub:
            return "The Hub answers 401 for a bad token and for a private, gated or non-existent repository: check the model id and that the token can read it."
        case (401, _):
            return "The token was refused. Check that HF_TOKEN holds a valid token (https://huggingface.co/settings/tokens) and has not been revoked."
        case (403, _):
            return "The token is valid but lacks permission: give it \"Make calls to Inference Providers\" (fine-grained tokens), or request access to the model."
        case (402, _):
            return "Credits are exhausted or pay-as-you-go is not enabled for this provider: check https://huggingface.co/settings/billing, or bill an organisation with `billTo`."
        case (404, _):
            return "Check the model id and that the chosen provider serves it for this task (the model's page lists its Inference Providers)."
        case (400, _), (422, _):
            return "The server rejected the request's content: correct what the message names and send again."
        case (500..<600, _) where category == .api:
            // Some OpenAI-compatible servers (llama-cpp-python) answer 500 for a parameter they reject.
            return "The server failed on this request. If its message names a request field, correct that field; otherwise retry later or pick another provider."
        default:
            return category.defaultRecoverySuggestion
        }
    }
}
