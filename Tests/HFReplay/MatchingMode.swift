/// How the server picks the rule that answers a request.
public enum MatchingMode: Sendable, Equatable {
    /// By method, host, path and (optionally) query. Matching rules are served in the order they were
    /// added, each once; the last one keeps answering after that (so repeated polling works).
    /// `HEAD` requests fall back to `GET` rules.
    case byRoute
    /// Strictly in the order rules were added, whatever the request asked for; one request per rule.
    /// For routes that changed since recording: the test then asserts the path the server received.
    /// Requests after the last rule get the unmatched (599) answer.
    case inOrder
}
