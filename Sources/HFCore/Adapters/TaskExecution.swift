/// How a provider answers a task call.
package enum TaskExecution: Sendable, Hashable {
    /// In the response to the request itself (possibly after a server-side wait, as Replicate's
    /// `Prefer: wait`).
    case synchronous
}
