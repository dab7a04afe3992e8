import Foundation
import Testing

@testable import HFCore

/// Error bodies in the shapes the protocol notes list (§8.2) that the recordings do not contain;
/// the recorded error responses themselves are replayed in `RecordedErrorTests`.
@Suite("Error body shapes and status mapping")
struct ErrorMappingTests {
    static func response(_ status: Int, _ body: String, headers: HTTPHeaders = ["Content-Type": "application/json"]) -> HTTPResponse {
        HTTPResponse(head: HTTPResponseHead(status: status, headers: headers), body: Data(body.utf8))
    }

    struct Shape: Sendable, CustomTestStringConvertible {
        let name: String
        let body: String
        let message: String
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "error string", body: #"{"error":"Model is overloaded"}"#, message: "Model is overloaded"),
        Shape(name: "error list", body: #"{"error":["Error in `inputs.context`: field required","second"]}"#, message: "Error in `inputs.context`: field required; second"),
        Shape(name: "error object", body: #"{"error":{"message":"Invalid value for temperature","type":"invalid_request_error","code":"bad_temp","param":"temperature"}}"#, message: "Invalid value for temperature"),
        Shape(name: "detail string", body: #"{"detail":"Not Found"}"#, message: "Not Found"),
        Shape(name: "detail list", body: #"{"detail":[{"loc":["body","messages"],"msg":"field required","type":"value_error.missing"}]}"#, message: "field required"),
        Shape(name: "message", body: #"{"message":"Provider error"}"#, message: "Provider error"),
        Shape(name: "oauth", body: #"{"error":"invalid_grant","error_description":"token expired"}"#, message: "invalid_grant: token expired"),
        Shape(name: "errors list", body: #"{"errors":[{"message":"a"},{"message":"b"}]}"#, message: "a; b"),
        Shape(name: "problem+json", body: #"{"type":"about:blank","title":"Bad Request","status":400}"#, message: "Bad Request"),
    ]

    @Test("every documented body shape yields the server's message", arguments: shapes)
    func shape(_ shape: Shape) {
        let error = HFError(response: Self.response(400, shape.body))
        #expect(error.message == shape.message)
        #expect(error.category == .api)
        #expect(error.status == 400)
    }

    @Test("an error caught in a middleware has the category the caller gets")
    func categoryOfCaughtError() {
        struct Unknown: Error {}
        #expect(HFError.Category(of: HFError(category: .rateLimited, message: "slow down")) == .rateLimited)
        #expect(HFError.Category(of: HTTPTransportError(.timedOut, "timed out")) == .timeout)
        #expect(HFError.Category(of: HTTPTransportError(.responseTooLarge, "too large")) == .responseTooLarge)
        #expect(HFError.Category(of: HTTPTransportError(.connectionLost, "reset")) == .network)
        #expect(HFError.Category(of: CancellationError()) == .cancelled)
        #expect(HFError.Category(of: Unknown()) == .network)
    }

    @Test("OpenAI-style error objects carry type and code")
    func openAIObject() {
        let error = HFError(response: Self.response(400, Self.shapes[2].body))
        #expect(error.errorType == "invalid_request_error")
        #expect(error.errorCode == "bad_temp")
    }

    @Test("plain text bodies are quoted; HTML pages are not")
    func textBodies() {
        let text = HFError(response: Self.response(502, "upstream connect error", headers: ["Content-Type": "text/plain"]))
        #expect(text.message == "upstream connect error")
        let html = HFError(response: Self.response(502, "<!DOCTYPE html><html><body>Bad gateway</body></html>", headers: ["Content-Type": "text/html"]))
        #expect(html.message == "The server answered HTTP 502 without a message")
    }

    @Test("statuses map to categories", arguments: [
        (401, HFError.Category.authentication), (403, .authentication), (402, .api), (404, .api), (408, .timeout),
        (422, .api), (429, .rateLimited), (500, .api), (502, .api), (503, .modelUnavailable), (504, .timeout),
    ])
    func statuses(_ status: Int, _ category: HFError.Category) {
        #expect(HFError(response: Self.response(status, #"{"error":"x"}"#)).category == category)
    }

    @Test("a loading model: 503 with estimated_time")
    func loading() {
        let error = HFError(response: Self.response(503, #"{"error":"Model bigscience/bloom is currently loading","estimated_time":98.86}"#))
        #expect(error.category == .modelUnavailable)
        #expect(error.estimatedTime == .milliseconds(98_860))
        #expect(error.message.contains("currently loading"))
    }

    @Test("Retry-After as seconds, as an HTTP date, and the RateLimit header's reset")
    func retryAfter() {
        let seconds = HFError(response: Self.response(429, #"{"error":"slow down"}"#, headers: ["Retry-After": "7"]))
        #expect(seconds.category == .rateLimited)
        #expect(seconds.retryAfter == .seconds(7))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let date = HFError(response: Self.response(429, "", headers: ["Retry-After": "Tue, 14 Nov 2023 22:13:40 GMT"]), now: now)
        #expect(date.retryAfter == .seconds(20))
        let rateLimit = HFError(response: Self.response(429, "", headers: ["RateLimit": "\"api\";r=0;t=55"]))
        #expect(rateLimit.retryAfter == .seconds(55))
    }

    @Test("request id precedence and Hub error codes")
    func identifiers() {
        let hub = HFError(
            response: Self.response(404, "", headers: ["X-Error-Code": "RepoNotFound", "X-Error-Message": "Repository not found", "X-Amzn-Trace-Id": "trace-1"]),
            url: URL(string: "https://huggingface.co/api/models/nobody/nothing")
        )
        #expect(hub.errorCode == "RepoNotFound")
        #expect(hub.message == "Repository not found")
        #expect(hub.requestID == "trace-1")
        #expect(hub.recoverySuggestion.contains("model id"))
        let both = HFError(response: Self.response(500, "", headers: ["X-Request-Id": "req-1", "X-Amzn-Trace-Id": "trace-1"]))
        #expect(both.requestID == "req-1")
    }

    @Test("a server echoing the token does not put it in the error")
    func scrubbed() {
        let token = "hf_CANARYerror0123456789abcdefghijklmnop"
        let error = HFError(response: Self.response(401, #"{"error":"bad token \#(token)"}"#)).redacted(by: Redactor(Secret(token)))
        var dumped = ""
        dump(error, to: &dumped)
        for text in ["\(error)", error.message, error.bodySnippet ?? "", dumped, error.localizedDescription] {
            #expect(!text.contains(token))
        }
    }

    @Test("every category has a description and recovery suggestion that never carry the token")
    func allCategories() {
        let token = "hf_CANARYcategories0123456789abcdefghijk"
        let redactor = Redactor(Secret(token))
        let cause = HFError(transportError: HTTPTransportError(.connectionLost, "reset", detail: "libcurl error 56 \(token)"))
        let errors: [HFError] = [
            .missingToken(searched: ["$HF_TOKEN"]), HFError(response: Self.response(429, #"{"error":"\#(token)"}"#)),
            HFError(response: Self.response(503, #"{"error":"loading \#(token)","estimated_time":3}"#)),
            .validation(field: "temperature", "3 is out of range"), HFError(response: Self.response(500, #"{"message":"\#(token)"}"#)),
            cause, .timeout("no response"), .decoding("bad \(token)", body: Data("{\"x\":\"\(token)".utf8)), .streamInterrupted(cause: cause, partialOutput: "Deep learning \(token)"),
            .cancelled(), HFError(transportError: .responseTooLarge(limit: 10)),
        ].map { $0.redacted(by: redactor) }
        let categories = Set(errors.map(\.category))
        #expect(categories == [.authentication, .rateLimited, .modelUnavailable, .validation, .api, .network, .timeout, .decoding, .streamInterrupted, .cancelled, .responseTooLarge])
        for error in errors {
            var dumped = ""
            dump(error, to: &dumped)
            #expect(!error.recoverySuggestion.isEmpty)
            for text in ["\(error)", dumped, error.localizedDescription, String(reflecting: error)] {
                #expect(!text.contains(token), "\(error.category) leaked")
            }
        }
    }

    @Test("waits a server writes other than in digits are ignored; long ones are a day at most; never a crash", arguments: [
        "1e300", "1e308", "-5", "inf", "nan", "0x10", "+7", "7.5", " ", "7 s",
    ])
    func malformedWaits(_ value: String) {
        let retry = HFError(response: Self.response(429, "", headers: ["Retry-After": value]))
        #expect(retry.retryAfter == nil)
        let rateLimit = HFError(response: Self.response(429, "", headers: ["RateLimit": "\"api\";r=0;t=\(value)"]))
        #expect(rateLimit.retryAfter == nil)
    }

    @Test("absurdly long waits are clamped to a day")
    func absurdWaits() {
        let retry = HFError(response: Self.response(429, "", headers: ["Retry-After": "99999999999999999999999"]))
        #expect(retry.retryAfter == .seconds(86_400))
        let loading = HFError(response: Self.response(503, #"{"error":"loading","estimated_time":1e300}"#))
        #expect(loading.estimatedTime == .seconds(86_400))
        let rateLimit = HFError(response: Self.response(429, "", headers: ["RateLimit": "\"api\";r=0;t=9999999999"]))
        #expect(rateLimit.retryAfter == .seconds(86_400))
    }

    @Test("the RateLimit reset is a wait only when the quota is used up")
    func rateLimitWithQuotaLeft() {
        let quotaLeft = HFError(response: Self.response(500, #"{"error":"x"}"#, headers: ["RateLimit": "\"api\";r=499;t=55"]))
        #expect(quotaLeft.retryAfter == nil)
        let exhausted = HFError(response: Self.response(500, #"{"error":"x"}"#, headers: ["RateLimit": "\"api\";r=0;t=55"]))
        #expect(exhausted.retryAfter == .seconds(55))
    }
}
