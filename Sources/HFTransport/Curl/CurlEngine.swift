#if canImport(CCurl)
import CCurl
import Foundation

/// A libcurl multi handle and the one thread that drives it.
///
/// One engine per process serves every client with the same connection limits by default
/// (``CurlTransport/shared(connectionLimits:)``): one event thread, one connection cache. A
/// transport may still own an engine of its own.
///
/// The thread blocks in `curl_multi_poll` until a socket is ready, a deadline is due, or another
/// thread posts a command and calls `curl_multi_wakeup`; it never spins. Only this thread touches
/// curl handles. Other threads post commands (add, cancel, resume after a pause, shut down) to a
/// locked inbox. Connections stay in the multi handle's cache, so requests to the same host reuse
/// them, and HTTP/2 streams are multiplexed when the server offers it. The multi handle caps the
/// connections per host and in total (``HTTPConnectionLimits``): libcurl keeps the transfers over
/// a cap pending, in order, until a connection frees up, instead of opening a socket for each.
final class CurlEngine: @unchecked Sendable {
    private enum Command {
        case add(CurlTransfer)
        case cancel(CurlTransfer)
        case resume(CurlTransfer)
    }

    private struct Inbox {
        var commands: [Command] = []
        var isShutDown = false
        /// Set by the event thread as it leaves; later commands are answered by the poster.
        var threadFinished = false
    }

    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_ALL))
    }()

    private let multi: UnsafeMutableRawPointer
    private let inbox = LockedState(Inbox())
    /// Transfers in the multi handle; holding them here keeps them alive for libcurl's callbacks.
    /// Event thread only.
    private var active: [ObjectIdentifier: CurlTransfer] = [:]
    /// Finished easy handles kept for reuse; creating one costs more than resetting one. Event thread only.
    private var spareHandles: [UnsafeMutableRawPointer] = []

    init(connectionLimits: HTTPConnectionLimits) {
        _ = Self.globalInit
        multi = curl_multi_init()
        // 0 means "no limit" to libcurl, so a limit is at least 1 (the client refuses such a
        // configuration before sending anything anyway).
        let total = max(1, connectionLimits.total)
        _ = hf_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, connectionLimits.perHost))
        _ = hf_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, total)
        // The idle cache: without a setting libcurl grows it to four times the transfers ever added.
        _ = hf_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, total)
        _ = hf_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let thread = Thread { [self] in run() }
        thread.name = "HFCurlEventLoop"
        thread.start()
    }

    deinit {
        for handle in spareHandles { curl_easy_cleanup(handle) }
        curl_multi_cleanup(multi)
    }

    // MARK: Any thread

    /// Starts `request`; `outcome` hears how it ends. Task cancellation cancels the transfer.
    func start(_ request: HTTPRequest, outcome: (CurlTransfer) -> CurlTransfer.Outcome) -> CurlTransfer {
        let transfer = CurlTransfer(request: request)
        transfer.attach(outcome(transfer))
        post(.add(transfer))
        return transfer
    }

    /// Stops `transfer` and finishes it as cancelled, if it has not ended.
    func cancel(_ transfer: CurlTransfer) {
        inbox.withLock { _ in transfer.cancelRequested = true }
        post(.cancel(transfer))
    }

    /// Resumes `transfer` after a backpressure pause.
    func resume(_ transfer: CurlTransfer) {
        post(.resume(transfer))
    }

    /// Stops taking new transfers; the thread ends once those under way have finished.
    func shutDown() {
        inbox.withLock { $0.isShutDown = true }
        curl_multi_wakeup(multi)
    }

    private func post(_ command: Command) {
        let threadFinished = inbox.withLock { inbox -> Bool in
            if !inbox.threadFinished { inbox.commands.append(command) }
            return inbox.threadFinished
        }
        guard threadFinished else {
            curl_multi_wakeup(multi)
            return
        }
        // The event thread is gone, so nothing else touches the transfer.
        if case .add(let transfer) = command { transfer.fail(.cancelled()) }
    }

    // MARK: Event thread

    private func run() {
        #if os(Linux)
        // Named for `top -H`, debuggers and tests (Foundation's Thread.name does not reach the OS).
        hf_name_current_thread("HFCurlEventLoop")
        #endif
        var running: Int32 = 0
        while true {
            // Once shut down, no new transfer starts, but those under way run to their end: a
            // response body may still be read after the client that started it is gone. The
            // thread leaves when none is left.
            let (commands, isShutDown, leaving) = inbox.withLock { inbox -> ([Command], Bool, Bool) in
                defer { inbox.commands.removeAll(keepingCapacity: true) }
                let leaving = inbox.isShutDown && active.isEmpty
                if leaving { inbox.threadFinished = true }
                return (inbox.commands, inbox.isShutDown, leaving)
            }
            for command in commands { perform(command, shuttingDown: isShutDown) }
            if leaving { return }

            curl_multi_perform(multi, &running)
            collectFinishedTransfers()
            enforceDeadlines()
            if isShutDown && active.isEmpty { continue }
            curl_multi_poll(multi, nil, 0, pollTimeout(), nil)
        }
    }

    private func perform(_ command: Command, shuttingDown: Bool) {
        switch command {
        case .add(let transfer):
            let cancelled = inbox.withLock { _ in transfer.cancelRequested }
            guard !cancelled, !shuttingDown else {
                transfer.fail(.cancelled())
                return
            }
            let handle = spareHandles.popLast() ?? curl_easy_init()!
            let code = transfer.configure(handle: handle)
            guard code == CURLE_OK else {
                transfer.fail(HTTPTransportError(.invalidRequest, "Could not set up the request to \(transfer.request.route).", detail: String(cString: curl_easy_strerror(code))))
                recycle(transfer.detachHandle())
                return
            }
            active[ObjectIdentifier(transfer)] = transfer
            curl_multi_add_handle(multi, handle)
        case .cancel(let transfer):
            if active[ObjectIdentifier(transfer)] != nil { finish(transfer, with: .cancelled()) }
        case .resume(let transfer):
            if active[ObjectIdentifier(transfer)] != nil, transfer.paused, let handle = transfer.handle {
                transfer.didResume()
                curl_easy_pause(handle, CURLPAUSE_CONT)
            }
        }
    }

    private func collectFinishedTransfers() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
            var context: UnsafeMutableRawPointer?
            guard hf_easy_getinfo_pointer(handle, CURLINFO_PRIVATE, &context) == CURLE_OK, let context else { continue }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            guard active.removeValue(forKey: ObjectIdentifier(transfer)) != nil else { continue }
            let code = hf_curl_msg_result(message)
            curl_multi_remove_handle(multi, handle)
            transfer.complete(code: code)
            recycle(transfer.detachHandle())
        }
    }

    private func enforceDeadlines() {
        let now = monotonicNow()
        // Collected first, as finishing changes `active`; with nothing expired, nothing is allocated.
        let expired = active.values.compactMap { transfer in transfer.expiredDeadline(at: now).map { (transfer, $0) } }
        for (transfer, error) in expired { finish(transfer, with: error) }
    }

    /// Milliseconds until libcurl or a deadline needs the thread; without either, as long as
    /// `curl_multi_poll` takes (about 24 days), since a command wakes the thread anyway: an idle
    /// engine does not wake.
    private func pollTimeout() -> Int32 {
        var curlTimeout = -1
        curl_multi_timeout(multi, &curlTimeout)
        var timeout = curlTimeout >= 0 ? curlTimeout : Int(Int32.max)
        let now = monotonicNow()
        for transfer in active.values {
            guard let deadline = transfer.nextDeadline else { continue }
            let milliseconds = deadline > now ? Int((deadline - now) / 1_000_000) + 1 : 0
            timeout = min(timeout, milliseconds)
        }
        return Int32(clamping: timeout)
    }

    /// Takes `transfer` out of the multi handle and ends it with `error`.
    private func finish(_ transfer: CurlTransfer, with error: HTTPTransportError) {
        active.removeValue(forKey: ObjectIdentifier(transfer))
        if let handle = transfer.handle { curl_multi_remove_handle(multi, handle) }
        transfer.fail(error)
        if let handle = transfer.detachHandle() { recycle(handle) }
    }

    private func recycle(_ handle: UnsafeMutableRawPointer?) {
        guard let handle else { return }
        curl_easy_reset(handle)
        if spareHandles.count < 64 {
            spareHandles.append(handle)
        } else {
            curl_easy_cleanup(handle)
        }
    }
}
#endif
