import Foundation

/// The one error type of this package.
///
/// Branch on ``category``; every error also says what to do next in ``recoverySuggestion``. The
/// struct can grow new categories and fields without breaking code that switches over it (add a
/// `default:` case), in the style of AsyncHTTPClient's `HTTPClientError`.
///
/// ```swift
/// do {
///     let reply = try await client.inference.chat("Hi", model: .llama3_8BInstruct)
/// } catch let error as HFError where error.category == .rateLimited {
///     try await Task.sleep(for: error.retryAfter ?? .seconds(5))
/// }
/// ```
///
/// No field ever holds the access token: every text taken from a server or a lower layer is scrubbed
/// of every token the client has used before the error reaches the caller.
public struct HFError: Error, Sendable {
    /// What kind of failure this is; the thing to branch on.
    public let category: Category
    /// What went wrong, in words; the server's own message when it sent one.
    public package(set) var message: String
    /// What to do next.
    public package(set) var recoverySuggestion: String

    /// HTTP status, when a response arrived.
    public package(set) var status: Int?
    /// The server's request id (`X-Request-Id`, else `X-Amzn-Trace-Id`, else `X-Amz-Cf-Id`); quote it
    /// when reporting a problem to Hugging Face or a provider.
    public package(set) var requestID: String?
    /// A machine-readable code: the Hub's `X-Error-Code` (e.g. `RepoNotFound`, `GatedRepo`) or an
    /// OpenAI-style `error.code`.
    public package(set) var errorCode: String?
    /// A text-generation server's `error_type` (`validation`, `generation`, `overloaded`,
    /// `incomplete_generation`) or an OpenAI-style `error.type`.
    public package(set) var errorType: String?
    /// The provider that answered, when known.
    public package(set) var provider: Provider?
    /// How long the server asked us to wait (`Retry-After`, seconds or HTTP date, or the
    /// `RateLimit` header's reset time).
    public package(set) var retryAfter: Duration?
    /// How long a model needs to load, when the server said (`estimated_time`).
    public package(set) var estimatedTime: Duration?
    /// The request field at fault, for ``Category/validation``.
    public package(set) var field: String?
    /// The start of the body that could not be decoded, or of an error body.
    public package(set) var bodySnippet: String?
    /// For ``Category/streamInterrupted``: the text received before the stream broke, all of it
    /// up to ``HFConfiguration/maximumPartialOutputSize`` bytes, else its last that many (see
    /// ``isPartialOutputTruncated``). It has already been delivered to the reader too.
    public package(set) var partialOutput: String?
    /// `true` when ``partialOutput`` lost the start of the text to its size limit.
    public package(set) var isPartialOutputTruncated = false
    /// A lower-level description of the cause, such as libcurl's error text (scrubbed of the token).
    public package(set) var underlyingDescription: String?
    /// The error that caused this one, such as the transport's ``HTTPTransportError`` or what a
    /// middleware or token provider threw; `nil` when the server's answer is the cause. One whose
    /// description quoted a token the client used is kept only as a ``RedactedError``.
    public package(set) var underlyingError: (any Error)?

    /// Creates an error; the package's own code uses the category-named factories.
    public init(category: Category, message: String, recoverySuggestion: String? = nil) {
        self.category = category
        self.message = message
        self.recoverySuggestion = recoverySuggestion ?? category.defaultRecoverySuggestion
    }
}

extension HFError {
    /// A category of failure. An open set: new categories may be added, so switch with `default:`.
    ///
    /// ```swift
    /// extension HFError.Category {
    ///     static let overBudget = HFError.Category("overBudget")   // a middleware's own
    /// }
    /// switch error.category {
    /// case .rateLimited: try await Task.sleep(for: error.retryAfter ?? .seconds(1))
    /// case .validation: print("fix \(error.field ?? "the request")")
    /// case .overBudget: print("spent")
    /// default: throw error
    /// }
    /// ```
    public struct Category: Hashable, Sendable, CustomStringConvertible {
        /// The category's name, as `description` prints it: `"rateLimited"`.
        public let name: String

        /// A category of your own, for middleware that fails requests for its own reasons (a
        /// circuit breaker, a budget); the built-in ones are the static members.
        public init(_ name: String) {
            self.name = name
        }

        public var description: String { name }

        /// No token, or one the server refused (401), or one without the needed permission (403).
        public static let authentication = Category("authentication")
        /// Too many requests (429); see ``HFError/retryAfter``.
        public static let rateLimited = Category("rateLimited")
        /// The model or provider cannot serve right now (503, loading); see ``HFError/estimatedTime``.
        public static let modelUnavailable = Category("modelUnavailable")
        /// The request was refused before anything was sent; see ``HFError/field``.
        public static let validation = Category("validation")
        /// The server answered with an error not covered by a more specific category.
        public static let api = Category("api")
        /// The connection could not be made or broke before a response arrived.
        public static let network = Category("network")
        /// The server's TLS certificate could not be verified, or the TLS handshake failed. Not
        /// retried by default: a certificate that fails verification fails the same way again.
        public static let tls = Category("tls")
        /// No response, or no further bytes of a stream, within the configured time.
        public static let timeout = Category("timeout")
        /// A response arrived but could not be read; see ``HFError/bodySnippet``.
        public static let decoding = Category("decoding")
        /// A stream broke after it had started; see ``HFError/partialOutput``.
        public static let streamInterrupted = Category("streamInterrupted")
        /// The task was cancelled; the transfer has been stopped.
        public static let cancelled = Category("cancelled")
        /// The response was larger than ``HFConfiguration/maximumResponseSize``.
        public static let responseTooLarge = Category("responseTooLarge")

        var defaultRecoverySuggestion: String {
            switch self {
            case .authentication:
                return "Set HF_TOKEN to a token from https://huggingface.co/settings/tokens with the \"Make calls to Inference Providers\" permission, or pass `token:` to HFConfiguration."
            case .rateLimited:
                return "Wait for the Retry-After time before sending again, lower the request rate, or upgrade your plan."
            case .modelUnavailable:
                return "Retry after the estimated time, or choose another provider or model (a model id suffix such as \":fastest\" lets the router pick one that is up)."
            case .validation:
                return "Correct the named field; nothing was sent."
            case .api:
                return "Read the server's message; quote the request id if you report the problem."
            case .network:
                return "Check the network connection, proxy and base URL, then retry."
            case .tls:
                return "Check the base URL's host name. If the server's certificate comes from a private certificate authority, add that authority's certificate to HFConfiguration.trustedCertificates (validation stays on)."
            case .timeout:
                return "Retry, or raise HFConfiguration.requestTimeout (whole responses) or streamIdleTimeout (streams)."
            case .decoding:
                return "The server's reply did not have the expected shape; report it with the request id and the body snippet."
            case .streamInterrupted:
                return "The partial output is in `partialOutput`; send the request again to get a complete answer."
            case .cancelled:
                return "Nothing to do: the task was cancelled and the transfer stopped."
            case .responseTooLarge:
                return "Raise HFConfiguration.maximumResponseSize if a response this large is expected."
            default:
                return "Read the message for details."
            }
        }
    }
}

extension HFError: CustomStringConvertible, LocalizedError, CustomReflectable {
    public var description: String {
        var details: [String] = []
        if let status { details.append("status \(status)") }
        if let provider { details.append("provider \(provider)") }
        if let field { details.append("field \(field)") }
        if let errorCode { details.append("code \(errorCode)") }
        if let errorType { details.append("type \(errorType)") }
        if let retryAfter { details.append("retry after \(retryAfter.formattedSeconds)") }
        if let estimatedTime { details.append("estimated load time \(estimatedTime.formattedSeconds)") }
        if let requestID { details.append("request id \(requestID)") }
        if let underlyingDescription { details.append(underlyingDescription) }
        let suffix = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
        // Messages from servers and lower layers often end a sentence already: one full stop only
        // ("Model not found (status 404)." rather than "Model not found.. " or "found. (status 404).").
        var sentence = Substring(message)
        while sentence.last == "." || sentence.last?.isWhitespace == true { sentence = sentence.dropLast() }
        let stop = suffix.isEmpty && (sentence.last == "?" || sentence.last == "!") ? "" : "."
        return "HFError.\(category): \(sentence)\(suffix)\(stop) \(recoverySuggestion)"
    }

    public var errorDescription: String? { description }
    public var failureReason: String? { message }

    /// `dump` and debuggers see the fields, with the underlying error as its scrubbed description.
    public var customMirror: Mirror {
        var children: [(String?, Any)] = [("category", category.name), ("message", message), ("recoverySuggestion", recoverySuggestion)]
        let optional: [(String, Any?)] = [
            ("status", status), ("requestID", requestID), ("errorCode", errorCode), ("errorType", errorType),
            ("provider", provider), ("retryAfter", retryAfter), ("estimatedTime", estimatedTime), ("field", field),
            ("bodySnippet", bodySnippet), ("partialOutput", partialOutput),
            ("isPartialOutputTruncated", isPartialOutputTruncated ? true : nil), ("underlyingDescription", underlyingDescription),
        ]
        for (label, value) in optional { if let value { children.append((label, value)) } }
        return Mirror(self, children: children, displayStyle: .struct)
    }
}
