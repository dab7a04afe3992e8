import ArgumentParser
import HFFull

/// The process's exit status for each ``HFError/Category``, so scripts can branch on what failed.
/// `hf --help` and the README show ``table``.
///
/// ```swift
/// throw ExitCode(ExitStatus.code(for: error))   // 3 for an authentication error
/// ```
enum ExitStatus {
    struct Row {
        let code: Int32
        let category: HFError.Category?
        let meaning: String
    }

    /// Every status `hf` exits with, in order. Categories not listed (an open set, such as a
    /// circuit breaker's) exit with 1, as any other failure.
    static let rows: [Row] = [
        Row(code: 0, category: nil, meaning: "success"),
        Row(code: 1, category: .api, meaning: "the server refused or failed the call (api), or any other failure"),
        Row(code: 2, category: .validation, meaning: "bad input, refused before anything was sent (validation)"),
        Row(code: 3, category: .authentication, meaning: "no token, or a token refused (authentication: 401, 403)"),
        Row(code: 4, category: .rateLimited, meaning: "too many requests (rateLimited: 429)"),
        Row(code: 5, category: .modelUnavailable, meaning: "the model is loading or cannot be served (modelUnavailable: 503)"),
        Row(code: 6, category: .network, meaning: "no connection, or it broke (network)"),
        Row(code: 7, category: .timeout, meaning: "no answer in time (timeout)"),
        Row(code: 8, category: .decoding, meaning: "an answer that could not be read (decoding)"),
        Row(code: 9, category: .streamInterrupted, meaning: "a stream broke after it started (streamInterrupted)"),
        Row(code: 10, category: .responseTooLarge, meaning: "an answer over the size limit (responseTooLarge)"),
        Row(code: 64, category: nil, meaning: "bad command line (usage)"),
        Row(code: 130, category: .cancelled, meaning: "interrupted (cancelled)"),
    ]

    /// The status for `error`'s category.
    static func code(for error: HFError) -> Int32 {
        rows.first { $0.category == error.category }?.code ?? 1
    }

    /// The rows as aligned text for help and documentation.
    static var table: String {
        rows.map { row in
            let code = String(row.code)
            return String(repeating: " ", count: 5 - code.count) + code + "  " + row.meaning
        }.joined(separator: "\n")
    }
}
