import Foundation

/// The part of the replay server its threads hold on to. ``ReplayServer`` owns one and shuts it down
/// in `deinit`; threads never reference the `ReplayServer` itself, so dropping it stops everything.
final class ServerCore: Sendable {
    let port: Int
    /// `http://127.0.0.1:PORT`
    let base: String
    let state: Locked<ServerState>
    let threads = ThreadGroup()
    /// Read end of the shutdown pipe: every poll in the server watches it.
    let wakeFD: Int32
    private let wakeWriteFD: Int32

    init(mode: MatchingMode, defaultPlan: ResponsePlan) throws {
        let listener = try Socket.makeLoopbackListener()
        let wake: (read: Int32, write: Int32)
        do {
            wake = try Socket.makeWakePipe()
        } catch {
            Socket.closeDescriptor(listener.fd)
            throw error
        }
        port = listener.port
        base = "http://127.0.0.1:\(listener.port)"
        wakeFD = wake.read
        wakeWriteFD = wake.write
        state = Locked(ServerState(mode: mode, defaultPlan: defaultPlan))
        // The accept thread owns the listening socket and closes it when it exits.
        threads.spawn(name: "HFReplay accept :\(port)") { [self] in
            acceptLoop(listener.fd)
        }
    }

    var isStopping: Bool {
        state.withLock { $0.stopping }
    }

    /// Runs `body` under the lock, then resumes any waiter it satisfied (outside the lock).
    @discardableResult
    func update<Result>(_ body: (inout ServerState) -> Result) -> Result {
        let (result, ready) = state.withLock { state in
            let result = body(&state)
            return (result, state.takeSatisfiedWaiters())
        }
        for waiter in ready {
            waiter.resume(waiter.value)
        }
        return result
    }

    // MARK: Lifecycle

    private func acceptLoop(_ listenFD: Int32) {
        defer { Socket.closeDescriptor(listenFD) }
        var backoffUntil: ContinuousClock.Instant?
        while true {
            // After a failed accept (no descriptors left) sleep a little instead of spinning on a
            // listener that stays readable.
            let events = backoffUntil == nil ? Socket.pollIn : 0
            switch Socket.wait(for: listenFD, events: events, wakeFD: wakeFD, until: backoffUntil) {
            case .stopping:
                return
            case .timedOut, .ready:
                backoffUntil = nil
            }
            accepting: while true {
                switch Socket.accept(from: listenFD) {
                case .none:
                    break accepting
                case .failed:
                    backoffUntil = .now + .milliseconds(50)
                    break accepting
                case .accepted(let fd):
                    guard startConnection(fd) else { return }
                }
            }
        }
    }

    /// Runs the connection on its own thread; `false` when the server is stopping.
    private func startConnection(_ fd: Int32) -> Bool {
        let id = update { state -> Int in
            state.acceptedConnections += 1
            state.openConnections += 1
            return state.acceptedConnections
        }
        let started = threads.spawn(name: "HFReplay conn \(id)") { [self] in
            HTTPConnection(fd: fd, id: id, core: self).run()
            update { $0.openConnections -= 1 }
        }
        if !started {
            Socket.closeDescriptor(fd)
            update { $0.openConnections -= 1 }
        }
        return started
    }

    func shutdown() {
        let first = update { state -> Bool in
            defer { state.stopping = true }
            return !state.stopping
        }
        guard first else { return }
        Socket.signalWake(wakeWriteFD)
        // Every wait in the server polls the wake pipe, so threads exit promptly; only if one is
        // stuck do we leak the pipe rather than close a descriptor it may still poll.
        if threads.closeAndWait(timeout: .seconds(10)) {
            Socket.closeDescriptor(wakeFD)
            Socket.closeDescriptor(wakeWriteFD)
        }
    }

    // MARK: Requests and responses

    /// Records a complete request, picks its rule and builds the response to send.
    func respond(to request: IncomingRequest, connectionID: Int) -> (requestIndex: Int, response: PreparedResponse) {
        enum Selection {
            case matched(ServerState.RuleEntry, ruleIndex: Int, plan: ResponsePlan, hosts: Set<String>, generation: Int)
            case unmatched(String)
        }
        let target = request.parsedTarget
        let (requestIndex, selection) = update { state -> (Int, Selection) in
            let ruleIndex = state.selectRule(
                method: request.method, host: target.host, path: target.path, query: target.query
            )
            let index = state.requests.count
            state.requests.append(ReceivedRequest(
                index: index,
                connectionID: connectionID,
                method: request.method,
                target: request.target,
                httpVersion: request.version,
                host: target.host,
                path: target.path,
                query: target.query,
                headerFields: request.fields,
                body: request.body,
                bodyWasChunked: request.bodyWasChunked,
                ruleIndex: ruleIndex,
                receivedAt: .now
            ))
            guard let ruleIndex else {
                return (index, .unmatched(state.unmatchedExplanation(
                    method: request.method, target: target, rawTarget: request.target
                )))
            }
            let rule = state.rules[ruleIndex]
            return (index, .matched(
                rule, ruleIndex: ruleIndex, plan: rule.plan ?? state.defaultPlan,
                hosts: state.rewriteHosts, generation: state.rewriteGeneration
            ))
        }

        let prepared: PreparedResponse
        let ruleIndex: Int?
        switch selection {
        case .unmatched(let explanation):
            ruleIndex = nil
            prepared = PreparedResponse(plainText: explanation, status: 599, clientWantsClose: request.wantsClose)
        case .matched(let rule, let index, let plan, let hosts, let generation):
            ruleIndex = index
            let rewriter = URLRewriter(base: base, hosts: hosts)
            let body = preparedBody(for: rule, ruleIndex: index, rewriter: rewriter, generation: generation)
            prepared = PreparedResponse(
                recorded: rule.interaction.response,
                body: body,
                plan: plan,
                host: target.host.isEmpty ? rule.interaction.request.host : target.host,
                method: request.method,
                clientWantsClose: request.wantsClose,
                rewriter: rewriter
            )
        }
        update { state in
            state.responseIndexByRequest[requestIndex] = state.responses.count
            state.responses.append(ServedResponse(
                requestIndex: requestIndex,
                connectionID: connectionID,
                ruleIndex: ruleIndex,
                status: prepared.status,
                bodyLength: prepared.body.count,
                chunked: prepared.chunked
            ))
        }
        return (requestIndex, prepared)
    }

    /// The rule's body with live-service URLs rewritten; computed once per rule and host set.
    private func preparedBody(
        for rule: ServerState.RuleEntry, ruleIndex: Int, rewriter: URLRewriter, generation: Int
    ) -> Data {
        let response = rule.interaction.response
        if response.isBinary { return response.body }
        if let cached = rule.preparedBody, cached.generation == generation { return cached.body }
        let body = rewriter.rewrite(response.body) ?? response.body
        state.withLock { state in
            if state.rewriteGeneration == generation, ruleIndex < state.rules.count {
                state.rules[ruleIndex].preparedBody = (generation, body)
            }
        }
        return body
    }

    func updateResponse(forRequest requestIndex: Int, _ change: @escaping (inout ServedResponse) -> Void) {
        update { state in
            if let index = state.responseIndexByRequest[requestIndex] {
                change(&state.responses[index])
            }
        }
    }

    func recordDisconnect(connectionID: Int, requestIndex: Int, phase: DisconnectEvent.Phase) {
        update { state in
            state.disconnects.append(DisconnectEvent(
                connectionID: connectionID, requestIndex: requestIndex, phase: phase, at: .now
            ))
        }
    }

    // MARK: Waiting

    /// Suspends until `predicate` holds, the timeout passes, or the server stops; returns whether it held.
    func wait(timeout: Duration, until predicate: @escaping @Sendable (ServerState) -> Bool) async -> Bool {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            state.waiters[state.nextWaiterID] = .allocated
            return state.nextWaiterID
        }
        let timer = Task { [self] in
            do { try await Task.sleep(for: timeout) } catch { return }
            expireWaiter(id)
        }
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            register(id, predicate) { continuation.resume(returning: $0) }
        }
        timer.cancel()
        return result
    }

    /// Blocks the calling thread until `predicate` holds, the timeout passes, or the server stops.
    func blockingWait(timeout: Duration, until predicate: @escaping @Sendable (ServerState) -> Bool) -> Bool {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            state.waiters[state.nextWaiterID] = .allocated
            return state.nextWaiterID
        }
        let semaphore = DispatchSemaphore(value: 0)
        let result = Locked(false)
        register(id, predicate) { value in
            result.withLock { $0 = value }
            semaphore.signal()
        }
        let (seconds, attoseconds) = timeout.components
        let nanos = Int(clamping: seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        if semaphore.wait(timeout: .now() + .nanoseconds(nanos)) == .timedOut {
            expireWaiter(id)
            semaphore.wait()  // expireWaiter or a racing update resumed it exactly once
        }
        return result.withLock { $0 }
    }

    private func register(
        _ id: UInt64, _ predicate: @escaping @Sendable (ServerState) -> Bool, resume: @escaping @Sendable (Bool) -> Void
    ) {
        let immediate = state.withLock { state -> Bool? in
            if predicate(state) || state.stopping {
                state.waiters[id] = nil
                return predicate(state)
            }
            if case .expired = state.waiters[id] {
                state.waiters[id] = nil
                return false
            }
            state.waiters[id] = .waiting(predicate: predicate, resume: resume)
            return nil
        }
        if let immediate { resume(immediate) }
    }

    private func expireWaiter(_ id: UInt64) {
        let pending = state.withLock { state -> (@Sendable (Bool) -> Void, Bool)? in
            switch state.waiters[id] {
            case .allocated:
                state.waiters[id] = .expired
                return nil
            case .waiting(let predicate, let resume):
                state.waiters[id] = nil
                return (resume, predicate(state))
            case .expired, nil:
                return nil
            }
        }
        if let (resume, value) = pending { resume(value) }
    }
}
