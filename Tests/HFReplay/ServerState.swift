import Foundation

/// Everything the replay server's threads share, guarded by one lock in ``ServerCore``.
struct ServerState {
    struct RuleEntry {
        var route: Route
        var interaction: RecordedInteraction
        var plan: ResponsePlan?
        var timesServed = 0
        /// The response body after URL rewriting, valid while `rewriteGeneration` is unchanged.
        var preparedBody: (generation: Int, body: Data)?
    }

    enum WaiterSlot {
        /// Id handed out; the waiter has not registered yet.
        case allocated
        /// The timeout fired before the waiter registered.
        case expired
        case waiting(predicate: @Sendable (ServerState) -> Bool, resume: @Sendable (Bool) -> Void)
    }

    var mode: MatchingMode
    var defaultPlan: ResponsePlan
    var rules: [RuleEntry] = []
    var nextInOrderRule = 0

    var additionalRewriteHosts: Set<String> = []
    var rewriteHosts: Set<String> = []
    var rewriteGeneration = 0

    var requests: [ReceivedRequest] = []
    var responses: [ServedResponse] = []
    /// Position of each request's response in `responses`.
    var responseIndexByRequest: [Int: Int] = [:]
    var disconnects: [DisconnectEvent] = []
    var acceptedConnections = 0
    var openConnections = 0

    var waiters: [UInt64: WaiterSlot] = [:]
    var nextWaiterID: UInt64 = 0
    var stopping = false

    /// Recomputes the hosts whose absolute URLs are rewritten; bumps the generation if they changed.
    mutating func refreshRewriteHosts() {
        var hosts = additionalRewriteHosts
        for rule in rules {
            hosts.insert(rule.interaction.request.host)
            hosts.insert(rule.route.host)
        }
        hosts.remove("")
        if hosts != rewriteHosts {
            rewriteHosts = hosts
            rewriteGeneration += 1
        }
    }

    /// The rule that answers a request, marking it served; `nil` when none matches.
    mutating func selectRule(method: String, host: String, path: String, query: [URLQueryItem]) -> Int? {
        switch mode {
        case .inOrder:
            guard nextInOrderRule < rules.count else { return nil }
            defer { nextInOrderRule += 1 }
            rules[nextInOrderRule].timesServed += 1
            return nextInOrderRule
        case .byRoute:
            var exact: [Int] = []
            var wildcard: [Int] = []
            for (index, rule) in rules.enumerated()
            where rule.route.matchesIgnoringQuery(method: method, host: host, path: path) {
                if rule.route.query == nil {
                    wildcard.append(index)
                } else if rule.route.hasExactQuery(query) {
                    exact.append(index)
                }
            }
            let group = exact.isEmpty ? wildcard : exact
            if group.isEmpty && method == "HEAD" {
                // Like real servers, answer HEAD with the GET response's head.
                return selectRule(method: "GET", host: host, path: path, query: query)
            }
            guard let chosen = group.first(where: { rules[$0].timesServed == 0 }) ?? group.last else { return nil }
            rules[chosen].timesServed += 1
            return chosen
        }
    }

    /// The plain-text body of the 599 answer: what arrived and which rules exist.
    func unmatchedExplanation(method: String, target: RequestTarget, rawTarget: String) -> String {
        var text = "HFReplay: no recorded response for \(method) \(rawTarget)\n"
        text += "  host:  \(target.host.isEmpty ? "(none: address the server as /{host}/path)" : target.host)\n"
        text += "  path:  \(target.path)\n"
        if !target.query.isEmpty {
            let pairs = target.query.map { item in item.value.map { "\(item.name)=\($0)" } ?? item.name }
            text += "  query: \(pairs.joined(separator: "&"))\n"
        }
        switch mode {
        case .inOrder:
            text += "  mode:  inOrder; all \(rules.count) rule(s) have been served\n"
        case .byRoute:
            text += "  mode:  byRoute\n"
        }
        if rules.isEmpty {
            text += "No rules: call serve(_:at:plan:) or serve(case:plan:) first.\n"
        } else {
            text += "Rules (\(rules.count)):\n"
            for (index, rule) in rules.enumerated() {
                text += "  #\(index) \(rule.route) (served \(rule.timesServed)x)\n"
            }
        }
        return text
    }

    /// Waiters that are now satisfied (or released by shutdown), removed from `waiters`, with the
    /// value to resume each with. Resume them outside the lock.
    mutating func takeSatisfiedWaiters() -> [(resume: @Sendable (Bool) -> Void, value: Bool)] {
        guard !waiters.isEmpty else { return [] }
        var ready: [(resume: @Sendable (Bool) -> Void, value: Bool)] = []
        for (id, slot) in waiters {
            guard case .waiting(let predicate, let resume) = slot else { continue }
            let satisfied = predicate(self)
            if satisfied || stopping {
                waiters[id] = nil
                ready.append((resume, satisfied))
            }
        }
        return ready
    }
}
