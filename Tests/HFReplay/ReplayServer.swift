// HFReplay — a loopback HTTP/1.1 server that replays recorded Hugging Face traffic.
//
// The server stands in for every recorded host at once, one path prefix per host:
// `https://router.huggingface.co/v1/chat/completions` is served at
// `http://127.0.0.1:PORT/router.huggingface.co/v1/chat/completions`. Point a client's base URLs at
// `server.url(forHost: "router.huggingface.co")` (and `"huggingface.co"` for the Hub), or translate
// a recorded URL with `server.url(for:)`.
//
//     let server = try ReplayServer(case: RecordedCase.load("TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational"))
//     let chat = server.rules[1].interaction.request                 // the recorded POST
//     var request = URLRequest(url: server.url(for: chat.url))       // …/router.huggingface.co/cerebras/v1/chat/completions
//     request.httpMethod = "POST"; request.httpBody = chat.body
//     let (body, _) = try await URLSession.shared.data(for: request) // the recorded bytes; see server.requests
//
// Responses are the recorded ones; a `ResponsePlan` only changes their delivery (status, headers,
// chunking, delays, resets, truncation). Absolute live-service URLs in text bodies and headers are
// rewritten to the server so follow-up requests (polling, image downloads) land on it too. Requests
// that match no rule get a 599 with a plain-text explanation and are recorded like any other.
//
// Threads, not async: one accept thread and one thread per connection, all blocking in `poll`
// (which also watches a shutdown pipe), so idle waits and delays cost no CPU.

import Foundation

/// A loopback HTTP/1.1 server on `127.0.0.1` (ephemeral port) that answers requests with recorded
/// responses. Started by `init`; stopped by ``shutdown()`` or when the last reference goes away.
///
/// Thread-safe: rules, plans and observations can be read and changed from any thread or task
/// while requests are being served.
public final class ReplayServer: Sendable {
    private let core: ServerCore

    /// Starts an empty server; add rules with ``serve(_:at:plan:)`` or ``serve(case:plan:)``.
    /// - Parameters:
    ///   - mode: how requests pick rules (default ``MatchingMode/byRoute``).
    ///   - defaultPlan: the plan for rules added without one.
    public init(mode: MatchingMode = .byRoute, defaultPlan: ResponsePlan = ResponsePlan()) throws {
        core = try ServerCore(mode: mode, defaultPlan: defaultPlan)
    }

    /// Starts a server with one rule per interaction of `recordedCase`, each on its recorded route.
    public convenience init(
        case recordedCase: RecordedCase, mode: MatchingMode = .byRoute, plan: ResponsePlan? = nil
    ) throws {
        try self.init(mode: mode)
        serve(case: recordedCase, plan: plan)
    }

    deinit {
        core.shutdown()
    }

    /// Stops accepting, closes every connection (in-flight deliveries end as
    /// ``ServedResponse/Outcome/serverStopped``) and waits for the server's threads to finish.
    /// Idempotent; observations stay readable afterwards.
    public func shutdown() {
        core.shutdown()
    }

    // MARK: Addresses

    /// The port the server listens on.
    public var port: Int { core.port }

    /// `http://127.0.0.1:PORT`
    public var baseURL: URL { URL(string: core.base)! }

    /// `http://127.0.0.1:PORT/{host}`: where requests for a live-service host go, e.g.
    /// `url(forHost: "router.huggingface.co")`.
    public func url(forHost host: String) -> URL {
        URL(string: core.base + "/" + host.lowercased())!
    }

    /// The server's URL for an absolute live-service URL, keeping path and query as encoded, e.g.
    /// `https://huggingface.co/api/models/x?expand=y` → `http://127.0.0.1:PORT/huggingface.co/api/models/x?expand=y`.
    public func url(for recordedURL: URL) -> URL {
        let components = URLComponents(url: recordedURL, resolvingAgainstBaseURL: false)
        var text = core.base + "/" + (recordedURL.host ?? "").lowercased()
        text += components?.percentEncodedPath ?? recordedURL.path
        if let query = components?.percentEncodedQuery {
            text += "?" + query
        }
        return URL(string: text)!
    }

    // MARK: Rules

    /// Adds a rule answering `route` (default: the recorded request's own method, host, path and
    /// query) with `interaction`'s recorded response, delivered according to `plan` (default:
    /// ``defaultPlan`` at the time of the request).
    /// - Returns: the rule's index in ``rules``.
    @discardableResult
    public func serve(_ interaction: RecordedInteraction, at route: Route? = nil, plan: ResponsePlan? = nil) -> Int {
        core.update { state in
            state.rules.append(ServerState.RuleEntry(
                route: route ?? Route(recorded: interaction.request), interaction: interaction, plan: plan
            ))
            state.refreshRewriteHosts()
            return state.rules.count - 1
        }
    }

    /// Adds one rule per interaction of `recordedCase`, in recorded order, each on its recorded route.
    /// - Returns: the indices of the new rules.
    @discardableResult
    public func serve(case recordedCase: RecordedCase, plan: ResponsePlan? = nil) -> [Int] {
        recordedCase.interactions.map { serve($0, plan: plan) }
    }

    /// Replaces the plan of the rule at `index` (`nil`: use ``defaultPlan``).
    public func setPlan(_ plan: ResponsePlan?, forRuleAt index: Int) {
        core.update { state in
            precondition(state.rules.indices.contains(index), "HFReplay: no rule #\(index)")
            state.rules[index].plan = plan
        }
    }

    /// Removes every rule (observations are kept; see ``clearLog()``).
    public func removeAllRules() {
        core.update { state in
            state.rules.removeAll()
            state.nextInOrderRule = 0
            state.refreshRewriteHosts()
        }
    }

    /// The rules, in the order they were added, with how often each has been served.
    public var rules: [ReplayRule] {
        core.state.withLock { state in
            state.rules.enumerated().map { index, entry in
                ReplayRule(
                    index: index, route: entry.route, interaction: entry.interaction,
                    plan: entry.plan, timesServed: entry.timesServed
                )
            }
        }
    }

    /// How requests pick rules. Switching modes does not reset what has been served.
    public var mode: MatchingMode {
        get { core.state.withLock { $0.mode } }
        set { core.update { $0.mode = newValue } }
    }

    /// The plan for rules that have none of their own (read when each request arrives).
    public var defaultPlan: ResponsePlan {
        get { core.state.withLock { $0.defaultPlan } }
        set { core.update { $0.defaultPlan = newValue } }
    }

    /// Hosts rewritten in bodies and headers in addition to those of the rules' recorded requests,
    /// e.g. `["stream.replicate.com"]`.
    public var additionalRewriteHosts: Set<String> {
        get { core.state.withLock { $0.additionalRewriteHosts } }
        set {
            core.update { state in
                state.additionalRewriteHosts = Set(newValue.map { $0.lowercased() })
                state.refreshRewriteHosts()
            }
        }
    }

    /// The body the server sends for `response` with the current ``rewriteHosts``: the recorded bytes
    /// with live-service URLs rewritten (binary bodies unchanged). Compare what a client returns to this.
    public func servedBody(for response: RecordedResponse) -> Data {
        if response.isBinary { return response.body }
        return URLRewriter(base: core.base, hosts: rewriteHosts).rewrite(response.body) ?? response.body
    }

    /// Every host whose `https://{host}` URLs are currently rewritten to `http://127.0.0.1:PORT/{host}`.
    public var rewriteHosts: Set<String> {
        core.state.withLock { $0.rewriteHosts }
    }

    // MARK: Observations

    /// Every request received so far, in arrival order (matched or not).
    public var requests: [ReceivedRequest] {
        core.state.withLock { $0.requests }
    }

    /// The requests no rule matched (each was answered with a 599 explaining why).
    public var unmatchedRequests: [ReceivedRequest] {
        requests.filter { !$0.wasMatched }
    }

    /// What was sent for each request, in the order responses started.
    public var responses: [ServedResponse] {
        core.state.withLock { $0.responses }
    }

    /// What was sent for ``requests``[`requestIndex`], if a response has started.
    public func response(to requestIndex: Int) -> ServedResponse? {
        core.state.withLock { state in
            state.responseIndexByRequest[requestIndex].map { state.responses[$0] }
        }
    }

    /// How many times a client went away while a response was still being delivered.
    public var disconnects: Int {
        core.state.withLock { $0.disconnects.count }
    }

    /// Each time a client went away mid-response, in order.
    public var disconnectEvents: [DisconnectEvent] {
        core.state.withLock { $0.disconnects }
    }

    /// Connections accepted so far (1 after many keep-alive requests on one connection).
    public var acceptedConnections: Int {
        core.state.withLock { $0.acceptedConnections }
    }

    /// Connections currently open.
    public var openConnections: Int {
        core.state.withLock { $0.openConnections }
    }

    /// Forgets recorded requests, responses and disconnects (rules and their served counts stay).
    public func clearLog() {
        core.update { state in
            state.requests.removeAll()
            state.responses.removeAll()
            state.responseIndexByRequest.removeAll()
            state.disconnects.removeAll()
        }
    }

    // MARK: Waiting

    /// Waits (without blocking a thread) until at least `count` disconnects have been recorded.
    /// - Returns: `false` if the timeout passed (or the server stopped) first.
    public func waitForDisconnect(count: Int = 1, timeout: Duration) async -> Bool {
        await core.wait(timeout: timeout) { $0.disconnects.count >= count }
    }

    /// Blocking variant of ``waitForDisconnect(count:timeout:)`` for synchronous code.
    public func blockingWaitForDisconnect(count: Int = 1, timeout: Duration) -> Bool {
        core.blockingWait(timeout: timeout) { $0.disconnects.count >= count }
    }

    /// Waits until at least `count` requests have been received in full.
    public func waitForRequests(count: Int, timeout: Duration) async -> Bool {
        await core.wait(timeout: timeout) { $0.requests.count >= count }
    }

    /// Waits until at least `count` responses have finished delivery (any outcome but in progress).
    public func waitForFinishedResponses(count: Int, timeout: Duration) async -> Bool {
        await core.wait(timeout: timeout) { state in
            state.responses.lazy.filter { $0.outcome != .inProgress }.count >= count
        }
    }
}
